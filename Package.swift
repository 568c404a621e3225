// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode with the house's upcoming features.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "meldingen-hub",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hub", targets: ["hub"]),
        .executable(name: "field-system", targets: ["field-system"]),
        .library(name: "ReportDomain", targets: ["ReportDomain"]),
        .library(name: "EventLog", targets: ["EventLog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C libraries: the only places their headers are visible.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Typed wrappers over curl's variadic curl_easy_setopt/getinfo, which Swift cannot call.
        .target(name: "CCurlShim", dependencies: ["CCurl"]),

        // The thin PostgreSQL layer over libpq: connections, pool, LISTEN/NOTIFY, COPY, pipelines.
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The report domain: pure Swift, no I/O.
        .target(name: "ReportDomain", swiftSettings: swiftSettings),
        // The append-only event log: migrations, append, reads, subscriptions, tamper evidence.
        .target(
            name: "EventLog",
            dependencies: [
                "Postgres",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Reports on the log: load a report's stream, decide a command, append the events.
        .target(
            name: "Reports",
            dependencies: [
                "EventLog", "ReportDomain",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // A private PostgreSQL cluster under ./.hub/ for newcomers and tests.
        .target(
            name: "EmbeddedPostgres",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // The hub's configuration: municipalities, categories, parties and API keys from one YAML file.
        .target(
            name: "HubConfig",
            dependencies: [
                "ReportDomain",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Read models folded from the log: reports, search, history; the live projector and rebuild.
        .target(
            name: "Projections",
            dependencies: [
                "EventLog", "ReportDomain", "Postgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Open311 GeoReport v2 (+ the updates extension) as a wire format: documents, XML and JSON, forms.
        .target(name: "Open311", swiftSettings: swiftSettings),
        // The HTTP face: native API, events feed, Open311, status page, metrics and health.
        .target(
            name: "HubServer",
            dependencies: [
                "Postgres", "EventLog", "ReportDomain", "Reports", "Projections", "HubConfig", "Open311", "Delivery", "Inbound", "Adapters", "Webhooks",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hub",
            dependencies: [
                "Postgres", "EventLog", "ReportDomain", "Reports", "EmbeddedPostgres",
                "HubConfig", "Projections", "HubServer", "Delivery", "Inbound", "Curl", "Webhooks", "Adapters", "FieldSystems",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // Outbound HTTP: the thin wrapper over libcurl's multi interface (the only place its C types live).
        .target(
            name: "Curl",
            dependencies: [
                "CCurl", "CCurlShim",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Standard Webhooks signing and verification (pure; HMAC from swift-crypto).
        .target(
            name: "Webhooks",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // The adapter files of adapters/: their format, checks and mappings (pure, apart from reading the files).
        .target(
            name: "Adapters",
            dependencies: [
                "ReportDomain", "HubConfig", "Curl",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        // Outbound delivery: subscriptions, delivery records, ordered retried signed sends.
        .target(
            name: "Delivery",
            dependencies: [
                "EventLog", "Postgres", "Curl", "Webhooks", "Adapters", "HubConfig", "ReportDomain", "Reports",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // Inbound: webhooks and polled pages of connected systems, verified, mapped and applied once.
        .target(
            name: "Inbound",
            dependencies: [
                "Adapters", "HubConfig", "Reports", "ReportDomain", "EventLog", "Postgres", "Curl", "Webhooks",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // Simulators of the systems from the field (a reporting app, the case system, contractors),
        // each an HTTP program speaking its adapter file's format: for `hub demo` and the end-to-end tests.
        .target(
            name: "FieldSystems",
            dependencies: [
                "Curl", "Webhooks",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "field-system",
            dependencies: [
                "FieldSystems", "Curl", "Webhooks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // Shared by the integration tests: one real PostgreSQL per test process.
        .target(
            name: "HubTestSupport",
            dependencies: ["Postgres", "EmbeddedPostgres", "EventLog"],
            path: "Tests/HubTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ReportDomainTests", dependencies: ["ReportDomain"], swiftSettings: swiftSettings),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "HubTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "ReportDomain", "HubTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "ReportDomain", "EventLog", "Postgres", "HubTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "HubConfigTests", dependencies: ["HubConfig", "ReportDomain"], swiftSettings: swiftSettings),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "Reports", "ReportDomain", "EventLog", "Postgres", "HubTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "Open311Tests", dependencies: ["Open311"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HubServerTests",
            dependencies: [
                "HubServer", "HubConfig", "Projections", "Reports", "ReportDomain", "EventLog", "Postgres", "HubTestSupport",
                "Adapters", "Webhooks",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CurlTests",
            dependencies: [
                "Curl",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "WebhooksTests", dependencies: ["Webhooks"], swiftSettings: swiftSettings),
        .testTarget(name: "AdaptersTests", dependencies: ["Adapters", "ReportDomain"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DeliveryTests",
            dependencies: [
                "Delivery", "Curl", "Webhooks", "Adapters", "HubConfig", "Reports", "ReportDomain", "EventLog", "Postgres", "HubTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InboundTests",
            dependencies: [
                "Inbound", "Adapters", "HubConfig", "Curl", "Reports", "ReportDomain", "EventLog", "Postgres", "HubTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FieldTests",
            dependencies: [
                "FieldSystems", "HubServer", "HubConfig", "Adapters", "Curl", "Webhooks", "ReportDomain", "EventLog", "Postgres", "HubTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "EmbeddedPostgresTests", dependencies: ["EmbeddedPostgres", "Postgres"], swiftSettings: swiftSettings),
    ]
)
