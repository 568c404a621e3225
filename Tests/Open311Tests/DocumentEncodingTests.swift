import Foundation
import Open311
import Testing

/// Every document in both formats, read back with real parsers.
@Suite("Documents in XML and JSON")
struct DocumentEncodingTests {
    let encoder = Open311Encoder(timeZone: Fixtures.amsterdam)
    let declaration = #"<?xml version="1.0" encoding="utf-8"?>"#

    let requested = Fixtures.date(2026, 11, 23, 14, 5, 0, in: Fixtures.amsterdam)

    var containerReport: Open311ServiceRequest {
        Open311ServiceRequest(
            serviceRequestID: "0363-2026-000042",
            status: .open,
            statusNotes: "Doorgezet naar de afvalinzamelaar",
            serviceName: "Container kapot",
            serviceCode: "007",
            description: "Het deksel sluit niet.",
            agencyResponsible: "Afvalinzamelaar",
            serviceNotice: "Binnen 2 werkdagen",
            requestedDatetime: requested,
            updatedDatetime: requested.addingTimeInterval(3600),
            expectedDatetime: Fixtures.date(2026, 11, 25, 17, 0, 0, in: Fixtures.amsterdam),
            address: "Dorpsstraat 11, 4141 AA Leerdam",
            addressID: "0512200000012345",
            zipcode: "4141 AA",
            latitude: 51.893_614,
            longitude: 5.091_877,
            mediaURL: URL(string: "https://hub.example.nl/media/42.jpg")!
        )
    }

    @Test("XML starts with the declaration, has no namespace, and its root is the document's")
    func xmlPreamble() throws {
        let xml = encoder.encode([containerReport], as: .xml)
        #expect(xml.hasPrefix(declaration + "\n<service_requests>"))
        #expect(!xml.contains("xmlns"))
        let root = try XMLTree.parse(xml)
        #expect(root.name == "service_requests")
        #expect(root.namespaceURI == nil || root.namespaceURI == "")
    }

    @Test("Services: service elements in XML, an array of objects in JSON with string codes and boolean metadata")
    func services() throws {
        let services = [
            Open311Service(serviceCode: "007", serviceName: "Container kapot", description: "Deksel, slot of wiel stuk",
                           metadata: true, type: .realtime, keywords: ["afval", "container"], group: "Afval"),
            Open311Service(serviceCode: "012", serviceName: "Lantaarnpaal", metadata: false, type: .batch),
        ]
        let root = try XMLTree.parse(encoder.encode(services, as: .xml))
        #expect(root.name == "services")
        #expect(root.childNames == ["service", "service"])
        let first = root.children[0]
        #expect(first.childNames == ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"])
        #expect(first["service_code"] == "007")
        #expect(first["metadata"] == "true")
        #expect(first["type"] == "realtime")
        #expect(first["keywords"] == "afval, container")
        #expect(root.children[1]["metadata"] == "false")
        #expect(root.children[1]["type"] == "batch")
        #expect(root.children[1]["description"] == "")
        #expect(root.children[1]["group"] == "")

        let json = try JSONValue.objects(encoder.encode(services, as: .json))
        #expect(json.count == 2)
        #expect(json[0]["service_code"] as? String == "007")
        #expect(json[0]["metadata"] as? Bool == true)
        #expect(json[1]["metadata"] as? Bool == false)
        #expect(json[0]["keywords"] as? String == "afval, container")
        #expect(json[0]["group"] as? String == "Afval")
        #expect(JSONValue.isNull(json[1]["description"]))
        #expect(JSONValue.isNull(json[1]["keywords"]))
    }

    @Test("Service definition: nested attributes and values in XML, an object with arrays in JSON")
    func serviceDefinition() throws {
        let definition = Open311ServiceDefinition(serviceCode: "007", attributes: [
            Open311ServiceAttribute(code: "SOORT", datatype: .singlevaluelist, required: true, order: 1,
                                    description: "Welke container?",
                                    values: [Open311AttributeValue(key: "rest", name: "Restafval"),
                                             Open311AttributeValue(key: "papier", name: "Papier & karton")]),
            Open311ServiceAttribute(variable: false, code: "UITLEG", datatype: .text, required: false,
                                    datatypeDescription: "Vrije tekst", order: 2, description: "Let op: geen persoonsgegevens"),
        ])
        let root = try XMLTree.parse(encoder.encode(definition, as: .xml))
        #expect(root.name == "service_definition")
        #expect(root.childNames == ["service_code", "attributes"])
        let attributes = try #require(root.child("attributes")).all("attribute")
        #expect(attributes.count == 2)
        #expect(attributes[0].childNames == ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"])
        #expect(attributes[0]["datatype"] == "singlevaluelist")
        #expect(attributes[0]["required"] == "true")
        #expect(attributes[0]["order"] == "1")
        let values = try #require(attributes[0].child("values")).all("value")
        #expect(values.map { $0["key"] } == ["rest", "papier"])
        #expect(values[1]["name"] == "Papier & karton")
        #expect(attributes[1]["variable"] == "false")
        #expect(attributes[1].child("values")?.children.isEmpty == true)

        let json = try JSONValue.object(encoder.encode(definition, as: .json))
        #expect(json["service_code"] as? String == "007")
        let jsonAttributes = try #require(json["attributes"] as? [[String: Any]])
        #expect(jsonAttributes.count == 2)
        #expect(jsonAttributes[0]["order"] as? Int == 1)
        #expect(jsonAttributes[0]["required"] as? Bool == true)
        #expect(JSONValue.isNull(jsonAttributes[0]["datatype_description"]))
        #expect(jsonAttributes[1]["datatype_description"] as? String == "Vrije tekst")
        let jsonValues = try #require(jsonAttributes[0]["values"] as? [[String: Any]])
        #expect(jsonValues.map { $0["key"] as? String } == ["rest", "papier"])
        #expect((jsonAttributes[1]["values"] as? [Any])?.isEmpty == true)
    }

    @Test("Service requests: every field in the spec's order, datetimes in the encoder's zone, numbers for lat/long")
    func serviceRequests() throws {
        let report = containerReport
        let root = try XMLTree.parse(encoder.encode([report], as: .xml))
        let request = try #require(root.child("request"))
        #expect(request.childNames == [
            "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
            "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
            "address", "address_id", "zipcode", "lat", "long", "media_url",
        ])
        #expect(request["service_request_id"] == "0363-2026-000042")
        #expect(request["status"] == "open")
        #expect(request["requested_datetime"] == "2026-11-23T14:05:00+01:00")
        #expect(request["updated_datetime"] == "2026-11-23T15:05:00+01:00")
        #expect(request["lat"].flatMap { Double($0) } == report.latitude)
        #expect(request["long"].flatMap { Double($0) } == report.longitude)
        #expect(request["media_url"] == "https://hub.example.nl/media/42.jpg")
        #expect(request["requested_datetime"].flatMap { Open311Datetime.parse($0) } == report.requestedDatetime)

        // GET /requests/{id}: the same wrapper with one element, an array in JSON.
        let json = try JSONValue.objects(encoder.encode([report], as: .json))
        #expect(json.count == 1)
        #expect(json[0]["service_request_id"] as? String == "0363-2026-000042")
        #expect(json[0]["service_code"] as? String == "007")
        #expect(json[0]["lat"] as? Double == report.latitude)
        #expect(json[0]["long"] as? Double == report.longitude)
        #expect(json[0]["expected_datetime"] as? String == "2026-11-25T17:00:00+01:00")
    }

    @Test("A sparse request: unknown text is empty (null in JSON); unknown datetimes and coordinates are left out")
    func sparseRequest() throws {
        let sparse = Open311ServiceRequest(serviceRequestID: "1", status: .closed, serviceCode: "012",
                                           requestedDatetime: requested, address: "Markt 1")
        let request = try #require(try XMLTree.parse(encoder.encode([sparse], as: .xml)).child("request"))
        #expect(request.child("status_notes")?.text == "")
        #expect(request.child("description")?.text == "")
        #expect(request.child("updated_datetime") == nil)
        #expect(request.child("expected_datetime") == nil)
        #expect(request.child("lat") == nil && request.child("long") == nil)
        #expect(request["status"] == "closed")

        let json = try #require(try JSONValue.objects(encoder.encode([sparse], as: .json)).first)
        #expect(JSONValue.isNull(json["status_notes"]))
        #expect(JSONValue.isNull(json["media_url"]))
        #expect(json["address"] as? String == "Markt 1")
        #expect(json["lat"] == nil && json["updated_datetime"] == nil)
    }

    @Test("An empty list is an empty root in XML and [] in JSON")
    func emptyList() throws {
        let none: [Open311ServiceRequest] = []
        #expect(encoder.encode(none, as: .xml) == declaration + "\n<service_requests></service_requests>")
        #expect(try JSONValue.parse(encoder.encode(none, as: .json)) as? [Any] != nil)
        #expect(encoder.encode(none, as: .json) == "[]")
    }

    @Test("POST /requests answer: the id, or a token instead, with service_notice and account_id as in the spec")
    func requestCreated() throws {
        let created = [Open311RequestCreated(serviceRequestID: "293944", serviceNotice: "Binnen 2 werkdagen")]
        #expect(encoder.encode(created, as: .xml) == declaration + "\n<service_requests><request><service_request_id>293944</service_request_id><service_notice>Binnen 2 werkdagen</service_notice><account_id></account_id></request></service_requests>")
        #expect(encoder.encode(created, as: .json) == #"[{"service_request_id":"293944","service_notice":"Binnen 2 werkdagen","account_id":null}]"#)

        let batch = [Open311RequestCreated(token: "tok-1", accountID: "acc-9")]
        let request = try #require(try XMLTree.parse(encoder.encode(batch, as: .xml)).child("request"))
        #expect(request.childNames == ["token", "service_notice", "account_id"])
        #expect(request["token"] == "tok-1")
        #expect(request["account_id"] == "acc-9")
        let json = try JSONValue.objects(encoder.encode(batch, as: .json))
        #expect(json[0]["service_request_id"] == nil)
        #expect(json[0]["token"] as? String == "tok-1")
    }

    @Test("GET /tokens/{token}: service_request_id and token")
    func token() throws {
        let tokens = [Open311Token(serviceRequestID: "638344", token: "12345")]
        let request = try #require(try XMLTree.parse(encoder.encode(tokens, as: .xml)).child("request"))
        #expect(request.childNames == ["service_request_id", "token"])
        #expect(request["service_request_id"] == "638344")
        let json = try JSONValue.objects(encoder.encode(tokens, as: .json))
        #expect(json[0]["token"] as? String == "12345")
        #expect(json[0]["service_request_id"] as? String == "638344")
        let pending = try JSONValue.objects(encoder.encode([Open311Token(serviceRequestID: nil, token: "9")], as: .json))
        #expect(JSONValue.isNull(pending[0]["service_request_id"]))
    }

    @Test("Updates: request_update elements, lower-case status, description and media_url always strings")
    func requestUpdates() throws {
        let updates = [
            Open311RequestUpdate(updateID: "u-1", serviceRequestID: "42", status: .inProgress,
                                 updatedDatetime: requested, description: "Ingepland", externalStatusCode: "PLN"),
            Open311RequestUpdate(updateID: "u-2", serviceRequestID: "42", status: .notCouncilsResponsibility,
                                 updatedDatetime: requested.addingTimeInterval(60),
                                 mediaURL: URL(string: "https://hub.example.nl/media/fix.jpg")!),
        ]
        let root = try XMLTree.parse(encoder.encode(updates, as: .xml))
        #expect(root.name == "service_request_updates")
        #expect(root.childNames == ["request_update", "request_update"])
        let first = root.children[0]
        #expect(first.childNames == ["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url", "external_status_code"])
        #expect(first["status"] == "in_progress")
        #expect(first["external_status_code"] == "PLN")
        #expect(root.children[1]["status"] == "not_councils_responsibility")
        #expect(root.children[1].child("external_status_code") == nil)
        #expect(root.children[1]["description"] == "")

        let json = try JSONValue.objects(encoder.encode(updates, as: .json))
        #expect(json[0]["media_url"] as? String == "")
        #expect(json[1]["description"] as? String == "")
        #expect(json[1]["media_url"] as? String == "https://hub.example.nl/media/fix.jpg")
        #expect(json[0]["updated_datetime"] as? String == "2026-11-23T14:05:00+01:00")
    }

    @Test("POST /servicerequestupdates answer: update_id in a request_update")
    func updateCreated() throws {
        let created = [Open311UpdateCreated(updateID: "u-1")]
        #expect(encoder.encode(created, as: .xml) == declaration + "\n<service_request_updates><request_update><update_id>u-1</update_id></request_update></service_request_updates>")
        #expect(encoder.encode(created, as: .json) == #"[{"update_id":"u-1"}]"#)
        let withAccount = try JSONValue.objects(encoder.encode([Open311UpdateCreated(updateID: "u-2", accountID: "a")], as: .json))
        #expect(withAccount[0]["account_id"] as? String == "a")
    }

    @Test("Errors: errors/error with an integer code; several allowed; JSON an array")
    func errors() throws {
        let errors = Open311Errors([
            .forbidden("Invalid api_key received -- can't proceed with create_request."),
            .badRequest("service_code is required.", field: "service_code"),
        ])
        #expect(errors.httpStatus == 403)
        let xml = encoder.encode(errors, as: .xml)
        #expect(xml == declaration + "\n<errors><error><code>403</code><description>Invalid api_key received -- can&apos;t proceed with create_request.</description></error><error><code>400</code><description>service_code is required.</description></error></errors>")
        #expect(xml == encoder.encode(errors.errors, as: .xml))
        let root = try XMLTree.parse(xml)
        #expect(root.children.map { $0["code"] } == ["403", "400"])
        #expect(root.children[0]["description"] == "Invalid api_key received -- can't proceed with create_request.")
        let json = try JSONValue.objects(encoder.encode(errors, as: .json))
        #expect(json.map { $0["code"] as? Int } == [403, 400])
        #expect(json[1]["description"] as? String == "service_code is required.")
        #expect(Open311Errors([.badRequest("x"), .notFound("y")]).httpStatus == 404)
        #expect(Open311Errors(.badRequest("x")).httpStatus == 400)
    }

    @Test("Discovery: endpoints and their formats as MIME types")
    func discovery() throws {
        let changed = Fixtures.date(2026, 1, 5, 9, 0, 0)
        let discovery = Open311Discovery(
            changeset: changed,
            contact: "open311@hub.example.nl",
            keyService: "Vraag een sleutel aan via https://hub.example.nl/sleutel",
            endpoints: [
                Open311DiscoveryEndpoint(url: URL(string: "https://hub.example.nl/open311/v2")!, changeset: changed, type: .production),
                Open311DiscoveryEndpoint(url: URL(string: "https://test.hub.example.nl/open311/v2")!, changeset: changed, type: .test, formats: [.xml]),
            ]
        )
        let root = try XMLTree.parse(encoder.encode(discovery, as: .xml))
        #expect(root.name == "discovery")
        #expect(root.childNames == ["changeset", "contact", "key_service", "endpoints"])
        #expect(root["changeset"].flatMap { Open311Datetime.parse($0) } == changed)
        let endpoints = try #require(root.child("endpoints")).all("endpoint")
        #expect(endpoints.count == 2)
        #expect(endpoints[0].childNames == ["specification", "url", "changeset", "type", "formats"])
        #expect(endpoints[0]["specification"] == "http://wiki.open311.org/GeoReport_v2")
        #expect(endpoints[0].child("formats")?.all("format").map(\.text) == ["text/xml", "application/json"])
        #expect(endpoints[1]["type"] == "test")

        let json = try JSONValue.object(encoder.encode(discovery, as: .json))
        #expect(json["key_service"] as? String == discovery.keyService)
        let jsonEndpoints = try #require(json["endpoints"] as? [[String: Any]])
        #expect(jsonEndpoints[0]["url"] as? String == "https://hub.example.nl/open311/v2")
        #expect(jsonEndpoints[0]["formats"] as? [String] == ["text/xml", "application/json"])
        #expect(jsonEndpoints[1]["formats"] as? [String] == ["text/xml"])
    }
}
