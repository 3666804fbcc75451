package io.strata.bench.peer.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.bench.peer.domain.Project;
import io.strata.bench.peer.web.rest.errors.Problems;
import java.util.Iterator;

/**
 * A JSON Merge Patch (RFC 7396) of a project's name and description: an absent field stays, {@code null} clears the
 * description (a name is required). Strings are trimmed; a blank description is none.
 */
public record ProjectDetailsPatch(String name, boolean descriptionGiven, String description) {

    private static final int NAME_MAX = 200;
    private static final int DESCRIPTION_MAX = 10_000;

    public static ProjectDetailsPatch of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problems.validation(null, "the body must be a JSON object (a merge patch)");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("name") && !field.equals("description")) {
                throw Problems.validation(field, "cannot be patched; patchable fields: description, name");
            }
        }
        String name = null;
        if (body.has("name")) {
            name = trimmed("name", body.get("name"), NAME_MAX);
            if (name == null) {
                throw Problems.validation("name", "must not be blank");
            }
        }
        boolean descriptionGiven = body.has("description");
        String description = descriptionGiven ? trimmed("description", body.get("description"), DESCRIPTION_MAX) : null;
        return new ProjectDetailsPatch(name, descriptionGiven, description);
    }

    void applyTo(Project project) {
        if (name != null) {
            project.setName(name);
        }
        if (descriptionGiven) {
            project.setDescription(description);
        }
    }

    private static String trimmed(String field, JsonNode value, int max) {
        if (!value.isNull() && !value.isTextual()) {
            throw Problems.validation(field, "must be a string or null");
        }
        if (value.isNull() || value.textValue().isBlank()) {
            return null;
        }
        String text = value.textValue().strip();
        if (text.length() > max) {
            throw Problems.validation(field, "must be at most " + max + " characters");
        }
        return text;
    }
}
