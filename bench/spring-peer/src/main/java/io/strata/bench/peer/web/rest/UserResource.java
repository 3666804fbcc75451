package io.strata.bench.peer.web.rest;

import io.strata.bench.peer.domain.Role;
import io.strata.bench.peer.security.CurrentUser;
import io.strata.bench.peer.service.UserService;
import io.strata.bench.peer.service.dto.PageDTO;
import io.strata.bench.peer.service.dto.UserDTO;
import io.strata.bench.peer.web.rest.errors.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/users/{id}} and the user list {@code GET /api/v1/users?role=eq.<ROLE>&sort=-createdAt&limit=&cursor=}
 * (the one filter and sort of Strata's list language that the benchmark uses).
 */
@RestController
@RequestMapping("/api/v1/users")
public class UserResource {

    private static final Set<String> LIST_PARAMETERS = Set.of("role", "sort", "limit", "cursor");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final UserService userService;

    public UserResource(UserService userService) {
        this.userService = userService;
    }

    @GetMapping("/{id}")
    public ResponseEntity<UserDTO> getUser(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser caller) {
        UserDTO user = userService.findOne(id, caller);
        return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user);
    }

    @GetMapping
    public PageDTO<UserDTO> listUsers(@RequestParam MultiValueMap<String, String> parameters,
                                      @AuthenticationPrincipal CurrentUser caller) {
        parameters.forEach((name, values) -> {
            if (!LIST_PARAMETERS.contains(name) || values.size() > 1) {
                throw Problems.validation(name, "the peer serves only role=eq.<ROLE>&sort=-createdAt&limit=<n>&cursor=<c>, each once");
            }
        });
        Role role = role(parameters.getFirst("role"));
        String sort = parameters.getFirst("sort");
        if (sort != null && !sort.equals("-createdAt")) {
            throw Problems.validation("sort", "the peer sorts only by -createdAt");
        }
        int limit = limit(parameters.getFirst("limit"));
        String cursor = parameters.getFirst("cursor");
        ScrollPosition position = cursor == null ? ScrollPosition.keyset() : UserCursor.decode(cursor);

        Window<UserDTO> window = userService.findByRole(role, position, limit, caller);
        List<UserDTO> items = window.getContent();
        String next = window.hasNext() ? UserCursor.encode(window.positionAt(items.size() - 1)) : null;
        return new PageDTO<>(items, new PageDTO.PageInfo(limit, next, null));
    }

    private static Role role(String filter) {
        if (filter != null && filter.regionMatches(true, 0, "eq.", 0, 3)) {
            try {
                return Role.valueOf(filter.substring(3).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw Problems.validation("role", "the peer needs role=eq.<ROLE>, one of ADMIN, MANAGER, USER, GUEST");
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.validation("limit", "must be an integer between 1 and " + MAX_LIMIT + ", was '" + text + "'");
    }
}
