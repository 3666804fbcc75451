/**
 * The architecture rules, one class per family, each run over Strata's production classes and, in its
 * {@code *RulesTest}, over the planted fixtures ({@link io.strata.architecture.Planted}) to prove that
 * it fires. Ports, aggregates, ids and events are found by the kernel's markers, contexts by package.
 *
 * <p>What the hexagon forbids, and the rule that reports it (every entry has a planted violation):
 * <ul>
 *   <li>a module reaching the wrong way (domain &rarr; application, application &rarr; adapter, web
 *       &harr; persistence, anything &rarr; bootstrap), including a web class calling a persistence
 *       helper statically and a mapper handing a JPA entity to the web: {@code LayerRules.layers_follow_the_hexagon};</li>
 *   <li>a class compiled in one module but declaring another module's package:
 *       {@code LayerRules.every_class_is_in_the_package_of_its_module};</li>
 *   <li>a library, a framework annotation or a non-{@code java.*} JDK package in the domain:
 *       {@code LayerRules.domain_depends_only_on_the_jdk_and_itself};</li>
 *   <li>Micronaut or any library but {@code jakarta.inject}/{@code jakarta.transaction} in the
 *       application: {@code LayerRules.application_depends_only_on_the_domain_and_jakarta_inject_and_transaction};</li>
 *   <li>JDBC, files, sockets, HTTP clients or processes in the domain or the application:
 *       {@code LayerRules.the_inside_does_no_io};</li>
 *   <li>the domain or the application reading environment variables, system properties or
 *       configuration: {@code LayerRules.the_inside_reads_no_configuration_or_environment};</li>
 *   <li>JDBC, {@code jakarta.persistence}, Hibernate, Micronaut Data or Flyway in the web adapter:
 *       {@code LayerRules.the_web_adapter_uses_no_storage_technology};</li>
 *   <li>{@code io.micronaut.http} outside the web adapter and bootstrap:
 *       {@code LayerRules.http_stays_in_the_web_adapter_and_bootstrap};</li>
 *   <li>a use case that is not an application interface, or is implemented outside the application:
 *       {@code PortRules.inbound_ports_are_interfaces_of_the_application},
 *       {@code PortRules.inbound_ports_are_implemented_in_the_application};</li>
 *   <li>a controller (or command, or service) injecting a use-case service instead of its interface:
 *       {@code PortRules.inbound_port_implementations_are_reached_only_through_their_interfaces};</li>
 *   <li>an outbound port declared by an adapter, or implemented by the web adapter or by an in-memory
 *       class in the application: {@code PortRules.outbound_ports_are_interfaces_of_the_inside},
 *       {@code PortRules.outbound_ports_are_implemented_by_driven_adapters_or_context_translators};</li>
 *   <li>an adapter implementing an interface of the inside that lacks {@code @OutboundPort} (a port
 *       hidden from the rules by dropping its marker):
 *       {@code PortRules.adapters_implement_only_marked_ports_of_the_inside};</li>
 *   <li>a web adapter or bootstrap class using an application helper or service, taking a repository
 *       (any outbound port) and calling it, or creating/reconstituting an aggregate:
 *       {@code PortRules.driving_adapters_reach_the_application_only_through_inbound_ports},
 *       {@code PortRules.driving_adapters_never_call_outbound_ports},
 *       {@code PortRules.driving_adapters_neither_create_nor_load_aggregates};</li>
 *   <li>a persistence adapter calling a use case or an application service:
 *       {@code PortRules.driven_adapters_reach_the_application_only_through_outbound_ports};</li>
 *   <li>bootstrap holding business logic (it may only wire, start and stop: no adapter context package,
 *       no outbound port call, no aggregate, no application class beyond inbound ports):
 *       {@code AdapterRules.bootstrap_uses_only_the_shared_packages_of_the_adapters} with the three
 *       driving-adapter rules above; its operational endpoints call no application code:
 *       {@code AdapterRules.operational_controllers_call_no_application_code};</li>
 *   <li>a controller, JPA type or mapper in the wrong module:
 *       {@code AdapterRules.controllers_live_in_the_web_adapter},
 *       {@code AdapterRules.persistence_types_live_in_the_persistence_adapter},
 *       {@code AdapterRules.mappers_live_in_the_adapters};</li>
 *   <li>an aggregate returned by a controller or held by a response:
 *       {@code AdapterRules.the_web_adapter_hands_out_no_aggregates};</li>
 *   <li>{@code @Transactional} (any flavour, or a meta-annotation carrying it) on a controller, a
 *       bootstrap class, a domain type, or opening a transaction in an adapter's port method:
 *       {@code TransactionRules.transactions_are_demarcated_only_by_the_application}; a transaction
 *       opened by hand: {@code TransactionRules.no_code_manages_transactions_by_hand}, or by plain JDBC
 *       in an adapter ({@code Connection.setAutoCommit}/{@code commit}/{@code rollback}):
 *       {@code TransactionRules.adapters_never_begin_or_end_a_jdbc_transaction};</li>
 *   <li>one context using another's aggregates, values, services, use cases or domain, or an adapter
 *       implementing another context's port: {@code ContextRules.contexts_meet_only_through_ids_and_published_apis};
 *       a published API that leaks more than kernel types and ids:
 *       {@code ContextRules.published_apis_are_query_interfaces_speaking_kernel_types}; the kernel
 *       knowing a context: {@code ContextRules.shared_packages_depend_on_no_context}; a context package
 *       with no domain or application counterpart: {@code ContextRules.every_context_has_a_domain_and_an_application};
 *       cycles between contexts: {@code ContextRules.contexts_are_free_of_cycles}; SQL, JPQL or a JPA
 *       mapping naming another context's table: {@code ContextRules.contexts_read_only_their_own_tables};</li>
 *   <li>package cycles anywhere: {@code CycleRules.packages_are_free_of_cycles};</li>
 *   <li>an event class outside the domain or not a record, an id that is not a domain record, an
 *       aggregate that can be subclassed or built without its factories, holds another aggregate, or
 *       has public setters: {@code DomainModelRules};</li>
 *   <li>a hand-written class named like generated code (escaping every rule), a transaction annotation
 *       no processor turned into advice, a mapper MapStruct did not implement: {@code GeneratedCodeRules};</li>
 *   <li>Java pasted into a MapStruct expression string: {@code MapperRules.mappers_hold_no_java_in_strings};</li>
 *   <li>names that no longer say what a thing is (entities, embeddables, controllers, use cases):
 *       {@code NamingRules} (conventions only; no boundary depends on a name).</li>
 * </ul>
 * Not ArchUnit's to check, because Maven's enforcer already fails the build: a module declaring a
 * dependency its layer may not have (see each module's {@code maven-enforcer-plugin} bans). Rules kept
 * although the enforcer overlaps them say why in their Javadoc.
 */
package io.strata.architecture;
