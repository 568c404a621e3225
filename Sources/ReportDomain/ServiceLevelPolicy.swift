import struct Foundation.Date

/// A municipality's service levels: per urgency, per category, and a standard one (rule 9).
///
/// The most specific wins: an urgency with its own level (a dangerous hole is urgent whatever its
/// category), else the category's level, else the standard level.
public struct ServiceLevelPolicy: Hashable, Sendable {
    /// The level for reports no other entry covers.
    public var standard: ServiceLevel?
    /// Levels per category.
    public var byCategory: [CategoryCode: ServiceLevel]
    /// Levels per urgency; these override the category's.
    public var byUrgency: [Urgency: ServiceLevel]

    /// A policy; without arguments the municipality promises nothing.
    public init(standard: ServiceLevel? = nil, byCategory: [CategoryCode: ServiceLevel] = [:], byUrgency: [Urgency: ServiceLevel] = [:]) {
        self.standard = standard
        self.byCategory = byCategory
        self.byUrgency = byUrgency
    }

    /// The level that applies to a report of this category and urgency.
    public func serviceLevel(category: CategoryCode, urgency: Urgency) -> ServiceLevel? {
        byUrgency[urgency] ?? byCategory[category] ?? standard
    }

    /// The moments promised to a report of this category and urgency submitted at the given moment.
    public func promise(category: CategoryCode, urgency: Urgency, submittedAt: Date) -> ServiceLevelPromise {
        guard let level = serviceLevel(category: category, urgency: urgency) else { return .none }
        return ServiceLevelPromise(
            acknowledgeBy: level.acknowledgeWithin.map { submittedAt.addingTimeInterval(Double($0.seconds)) },
            resolveBy: level.resolveWithin.map { submittedAt.addingTimeInterval(Double($0.seconds)) }
        )
    }
}
