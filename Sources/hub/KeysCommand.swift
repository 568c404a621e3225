import ArgumentParser
import HubConfig

/// `hub keys new`: makes an API key and prints the entry for the configuration file. The key is
/// shown once and never stored; the file keeps only its sha256.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make API keys for the configuration file.",
        subcommands: [New.self])

    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new", abstract: "Print a new API key and the api_keys entry that stores its sha256.")

        @Option(help: "A name for logs and audit, e.g. kcc-enschede.")
        var id: String

        @Option(help: "public, municipality, party or admin.")
        var role: String

        @Option(help: "A municipality the key acts for (repeat for several).")
        var municipality: [String] = []

        @Option(help: "The party a party key speaks for.")
        var party: String?

        func validate() throws {
            guard CallerRole(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(CallerRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if role == "party" && party == nil { throw ValidationError("a party key needs --party") }
            if role == "municipality" && municipality.isEmpty { throw ValidationError("a municipality key needs --municipality") }
        }

        func run() throws {
            let key = APIKeySecret.generate()
            var entry = "  - { id: \(id), role: \(role)"
            if !municipality.isEmpty { entry += ", municipalities: [\(municipality.joined(separator: ", "))]" }
            if let party { entry += ", party: \(party)" }
            entry += ", sha256: \(APIKeySecret.hash(key)) }"
            print("""
                The key (give it to its holder now; it is not shown again and not stored):
                  \(key)
                The entry for api_keys in the configuration file:
                \(entry)
                """)
        }
    }
}
