/// Where the problem is: a WGS84 position, optionally with the address a person would use.
public struct Location: Hashable, Sendable, Codable {
    /// Degrees north, −90…90 (WGS84).
    public let latitude: Double
    /// Degrees east, −180…180 (WGS84).
    public let longitude: Double
    /// The street address as the reporter or the geocoder gave it.
    public let address: String?
    /// The Dutch postcode, normalised to `1234 AB`.
    public let postcode: String?

    /// Checks the position and address, so no impossible location ever enters the log.
    public init(latitude: Double, longitude: Double, address: String? = nil, postcode: String? = nil) throws(ReportError) {
        guard latitude.isFinite, (-90.0...90.0).contains(latitude) else {
            throw .invalidField(field: "location.latitude", reason: "must be between -90 and 90 degrees (WGS84), but was \(latitude)")
        }
        guard longitude.isFinite, (-180.0...180.0).contains(longitude) else {
            throw .invalidField(field: "location.longitude", reason: "must be between -180 and 180 degrees (WGS84), but was \(longitude)")
        }
        try String.checkLength(address, field: "location.address", max: 500)
        self.latitude = latitude
        self.longitude = longitude
        self.address = address.flatMap { $0.isBlank ? nil : $0 }
        self.postcode = try postcode.flatMap { text throws(ReportError) in
            text.isBlank ? nil : try Self.normalisedPostcode(text)
        }
    }

    /// Dutch postcodes are four digits (not starting with 0) and two letters; search needs one spelling.
    static func normalisedPostcode(_ text: String) throws(ReportError) -> String {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        let digits = compact.prefix(4)
        let letters = compact.dropFirst(4)
        let valid = compact.count == 6
            && digits.allSatisfy({ $0.isASCII && $0.isNumber }) && digits.first != "0"
            && letters.allSatisfy({ $0.isASCII && $0.isLetter })
        guard valid else {
            throw .invalidField(field: "location.postcode", reason: "must be a Dutch postcode such as 7511 AB, but was \"\(text)\"")
        }
        return "\(digits) \(letters)"
    }

    enum CodingKeys: String, CodingKey {
        case latitude, longitude, address, postcode
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                latitude: container.decode(Double.self, forKey: .latitude),
                longitude: container.decode(Double.self, forKey: .longitude),
                address: container.decodeIfPresent(String.self, forKey: .address),
                postcode: container.decodeIfPresent(String.self, forKey: .postcode)
            )
        } catch let error as ReportError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(latitude, forKey: .latitude)
        try container.encode(longitude, forKey: .longitude)
        try container.encode(address, forKey: .address)
        try container.encode(postcode, forKey: .postcode)
    }
}
