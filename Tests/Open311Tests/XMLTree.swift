import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element read back from the encoder's XML with Foundation's `XMLParser` (libxml2 on Linux),
/// so the tests check what a real parser sees rather than the encoder's own idea of it.
final class XMLTree {
    let name: String
    let namespaceURI: String?
    var children: [XMLTree] = []
    var text = ""

    init(name: String, namespaceURI: String?) {
        self.name = name
        self.namespaceURI = namespaceURI
    }

    /// The children with this name.
    func all(_ name: String) -> [XMLTree] {
        children.filter { $0.name == name }
    }

    /// The one child with this name; nil when there is none or several.
    func child(_ name: String) -> XMLTree? {
        let found = all(name)
        return found.count == 1 ? found[0] : nil
    }

    /// The text of the one child with this name.
    subscript(_ name: String) -> String? {
        child(name)?.text
    }

    /// The children's names in document order.
    var childNames: [String] { children.map(\.name) }

    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses a whole document; throws when the XML is not well-formed.
    static func parse(_ xml: String) throws -> XMLTree {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseFailure(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root") in \(xml)")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let element = XMLTree(name: elementName, namespaceURI: namespaceURI)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
