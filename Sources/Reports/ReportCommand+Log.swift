import ReportDomain

extension ReportCommand {
    /// The municipality a submission names, for the first event of a new stream.
    var submittedMunicipality: MunicipalityCode? {
        if case .submit(let submission) = action { return submission.municipality }
        return nil
    }
}

extension Actor {
    /// The actor as the log's metadata records it: `reporter`, `user:<id>`, `party:<id>`, `system:<name>`.
    var metadataName: String {
        switch self {
        case .reporter: "reporter"
        case .municipalityUser(let id): "user:\(id)"
        case .party(let id): "party:\(id.rawValue)"
        case .system(let name): "system:\(name)"
        }
    }
}
