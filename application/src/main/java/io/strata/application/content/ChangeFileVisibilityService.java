package io.strata.application.content;

import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class ChangeFileVisibilityService implements ChangeFileVisibilityUseCase {
    private final StoredFileRepository files;
    private final Clock clock;

    public ChangeFileVisibilityService(StoredFileRepository files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StoredFile change(Command command) {
        StoredFile file = FileAccess.manageable(command.actor(), files.findById(command.id()), command.id());
        if (command.expectedVersion() != null) {
            Versioned.require("File", command.id(), command.expectedVersion(), file.version());
        }
        file.changeVisibility(command.visibility(), clock);
        return files.save(file);
    }
}
