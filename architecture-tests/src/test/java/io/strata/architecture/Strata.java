package io.strata.architecture;

/** Package identifiers of the Strata modules (DESIGN §1 and §2), in ArchUnit's package syntax. */
final class Strata {
    /** Root scanned by every rule class. */
    static final String ROOT = "io.strata";

    static final String DOMAIN = "io.strata.domain..";
    static final String APPLICATION = "io.strata.application..";
    static final String ADAPTERS = "io.strata.adapters..";
    static final String PERSISTENCE = "io.strata.adapters.persistence..";
    static final String WEB = "io.strata.adapters.web..";
    static final String BOOTSTRAP = "io.strata.bootstrap..";

    /**
     * Bootstrap's operational endpoints (the API docs page serving the generated OpenAPI document and
     * Swagger UI). They expose no use case, so they belong to the deployable, not to the web adapter.
     */
    static final String BOOTSTRAP_OPS = "io.strata.bootstrap.ops..";

    static final String AGGREGATE_ROOT = "io.strata.domain.shared.model.AggregateRoot";
    static final String APPLICATION_SHARED = "io.strata.application.shared..";

    /** Production package of each module; every one of them must contribute classes to the import. */
    static final String[] MODULE_PACKAGES = {
        "io.strata.domain",
        "io.strata.application",
        "io.strata.adapters.persistence",
        "io.strata.adapters.web",
        "io.strata.bootstrap"
    };

    private Strata() {}
}
