package io.strata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles small mappers with MapStruct's processor and this strategy (found through
 * META-INF/services, as in the adapters' builds), so the promise is checked by javac itself: fluent
 * accessors are mapped, and a renamed accessor is a compile error, not a test failure.
 */
class FluentAccessorNamingStrategyTest {
    private static final String PERSON = """
            package demo;
            import java.util.List;
            public final class Person {
                private final String name;
                private final Email email;
                private final boolean verified;
                private final List<String> events = new java.util.ArrayList<>();
                public Person(String name, Email email, boolean verified) {
                    this.name = name; this.email = email; this.verified = verified;
                }
                public String %s() { return name; }
                public Email email() { return email; }
                public boolean verified() { return verified; }
                public String fullName() { return name + " <" + email.value() + ">"; }
                public boolean isActive() { return verified; }
                public List<String> pullEvents() { return List.copyOf(events); }
            }
            """;
    private static final String EMAIL = """
            package demo;
            public record Email(String value) {
                public Email withValue(String other) { return new Email(other); }
            }
            """;
    private static final String VIEW = """
            package demo;
            public record PersonView(String name, String email, boolean verified) {
            }
            """;
    private static final String MAPPER = """
            package demo;
            import org.mapstruct.Mapper;
            import org.mapstruct.ReportingPolicy;
            @Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
            public interface PersonMapper {
                PersonView view(Person person);
                default String email(Email email) { return email.value(); }
                Email email(String value);
            }
            """;

    private static final String ROW = """
            package demo;
            public class PersonRow {
                private String name;
                private boolean verified;
                public String getName() { return name; }
                public void setName(String name) { this.name = name; }
                public boolean isVerified() { return verified; }
                public void setVerified(boolean verified) { this.verified = verified; }
                public String getLabel() { return "row " + name; }
            }
            """;
    private static final String ROW_MAPPER = """
            package demo;
            import org.mapstruct.BeanMapping;
            import org.mapstruct.Mapper;
            import org.mapstruct.Mapping;
            import org.mapstruct.ReportingPolicy;
            @Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
            public interface RowMapper {
                @BeanMapping(ignoreUnmappedSourceProperties = "email")
                PersonRow row(PersonView view);
                @Mapping(target = "email", constant = "a@example.com")
                PersonView view(PersonRow row);
            }
            """;

    /** The mappers that must compile, compiled once for the tests that read what MapStruct generated. */
    private static Result valid;

    @BeforeAll
    static void compileTheValidMappers(@TempDir Path out) {
        valid = compile(
                out,
                List.of(
                        source("demo.Person", PERSON.formatted("name")),
                        source("demo.Email", EMAIL),
                        source("demo.PersonView", VIEW),
                        source("demo.PersonMapper", MAPPER),
                        source("demo.PersonRow", ROW),
                        source("demo.RowMapper", ROW_MAPPER)));
    }

    @Test
    void fluentAccessorsAreMappedAndComputedMethodsAreNotProperties() throws IOException {
        assertThat(valid.errors()).isEmpty();
        String impl = valid.generated("demo/PersonMapperImpl.java");
        assertThat(impl)
                .contains("person.name()", "person.verified()", "email( person.email() )")
                .doesNotContain("fullName", "isActive", "pullEvents");
        assertThat(impl)
                .as("a record target is built by its constructor; withValue is no setter")
                .contains("new Email( value1 )")
                .doesNotContain("withValue");
    }

    @Test
    void aRenamedAccessorIsACompileError(@TempDir Path out) {
        Result result = compile(
                out,
                List.of(
                        source("demo.Person", PERSON.formatted("displayName")),
                        source("demo.Email", EMAIL),
                        source("demo.PersonView", VIEW),
                        source("demo.PersonMapper", MAPPER)));

        assertThat(result.errors()).anyMatch(e -> e.contains("Unmapped target property: \"name\""));
    }

    @Test
    void javaBeansKeepTheirGettersAndSetters() throws IOException {
        assertThat(valid.errors()).isEmpty();
        assertThat(valid.generated("demo/RowMapperImpl.java"))
                .contains(
                        "personRow.setName( view.name() )",
                        "personRow.setVerified( view.verified() )",
                        "row.getName()",
                        "row.isVerified()")
                .as("a getter without a field is computed, not a property")
                .doesNotContain("getLabel");
    }

    private static Result compile(Path out, List<JavaFileObject> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            Path classes = Files.createDirectories(out.resolve("classes"));
            Path generated = Files.createDirectories(out.resolve("generated"));
            List<String> options = List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-processor",
                    "org.mapstruct.ap.MappingProcessor",
                    "-d",
                    classes.toString(),
                    "-s",
                    generated.toString());
            javac.getTask(null, files, diagnostics, options, null, sources).call();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getMessage(Locale.ROOT));
            }
        }
        return new Result(errors, out.resolve("generated"));
    }

    private static JavaFileObject source(String className, String code) {
        return new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    private record Result(List<String> errors, Path generatedSources) {
        String generated(String path) throws IOException {
            try (Stream<Path> all = Files.walk(generatedSources)) {
                assertThat(all.anyMatch(p -> p.endsWith(path)))
                        .as(path + " generated")
                        .isTrue();
            }
            return Files.readString(generatedSources.resolve(path));
        }
    }
}
