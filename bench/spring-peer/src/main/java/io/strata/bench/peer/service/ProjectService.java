package io.strata.bench.peer.service;

import io.strata.bench.peer.domain.Project;
import io.strata.bench.peer.domain.Role;
import io.strata.bench.peer.repository.ProjectRepository;
import io.strata.bench.peer.security.CurrentUser;
import io.strata.bench.peer.service.dto.ProjectDTO;
import io.strata.bench.peer.web.rest.errors.Problems;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects: members and ADMIN see one (anyone else gets a 404); its owner, MANAGER members and ADMIN edit it. */
@Service
@Transactional
public class ProjectService {

    private final ProjectRepository projectRepository;

    public ProjectService(ProjectRepository projectRepository) {
        this.projectRepository = projectRepository;
    }

    @Transactional(readOnly = true)
    public ProjectDTO findOne(UUID id, CurrentUser caller) {
        return ProjectDTO.from(findVisible(id, caller));
    }

    /** Applies a merge patch of name and description to the version the client read ({@code If-Match}). */
    public ProjectDTO updateDetails(UUID id, long expectedVersion, ProjectDetailsPatch patch, CurrentUser caller) {
        Project project = findVisible(id, caller);
        boolean manager = caller.isAdmin() || project.getOwnerId().equals(caller.id())
                || caller.role() == Role.MANAGER && project.isMember(caller.id());
        if (!manager) {
            throw Problems.forbidden("only the project owner, a MANAGER member or an ADMIN may do this");
        }
        if (project.getVersion() != expectedVersion) {
            throw Problems.staleVersion("Project", id, expectedVersion, project.getVersion());
        }
        patch.applyTo(project);
        // flushed here so that the response shows the new version and update time
        return ProjectDTO.from(projectRepository.saveAndFlush(project));
    }

    private Project findVisible(UUID id, CurrentUser caller) {
        return projectRepository.findOneWithMembersById(id)
                .filter(project -> caller.isAdmin() || project.isMember(caller.id()))
                .orElseThrow(() -> Problems.notFound("Project", id));
    }
}
