package io.strata.bench.peer.service;

import io.strata.bench.peer.domain.Role;
import io.strata.bench.peer.domain.User;
import io.strata.bench.peer.repository.UserRepository;
import io.strata.bench.peer.repository.UserSpecifications;
import io.strata.bench.peer.security.CurrentUser;
import io.strata.bench.peer.service.dto.UserDTO;
import io.strata.bench.peer.web.rest.errors.Problems;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class UserService {

    /** Newest first; the id breaks ties, so that keyset paging is stable. */
    public static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final UserRepository userRepository;

    public UserService(UserRepository userRepository) {
        this.userRepository = userRepository;
    }

    /** USER and GUEST see only themselves: anyone else "does not exist". */
    public UserDTO findOne(UUID id, CurrentUser caller) {
        if (!caller.id().equals(id) && !caller.canReadOtherUsers()) {
            throw Problems.notFound("User", id);
        }
        return userRepository.findById(id).map(UserDTO::from).orElseThrow(() -> Problems.notFound("User", id));
    }

    /** One window of the users with a role, newest first, after {@code position} (Spring Data's keyset scrolling). */
    public Window<UserDTO> findByRole(Role role, ScrollPosition position, int limit, CurrentUser caller) {
        if (!caller.canReadOtherUsers()) {
            throw Problems.forbidden("only a MANAGER or ADMIN may list users");
        }
        Specification<User> filter = UserSpecifications.hasRole(role);
        if (position instanceof KeysetScrollPosition keyset && !keyset.isInitial()) {
            filter = filter.and(UserSpecifications.createdAtAtMost((Instant) keyset.getKeys().get("createdAt")));
        }
        Window<User> window = userRepository.findBy(filter,
                query -> query.sortBy(NEWEST_FIRST).limit(limit).scroll(position));
        return window.map(UserDTO::from);
    }
}
