package io.strata.adapters.web.content;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.application.content.DocumentView;
import io.strata.domain.content.Document;
import io.strata.domain.content.DocumentAccess;
import io.strata.domain.content.DocumentRevision;
import io.strata.domain.content.DocumentShare;
import io.strata.domain.content.DocumentSummary;
import java.util.List;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain to responses for documents; the shares are shown to those who manage the document only. */
@Mapper(
        config = WebMapperConfig.class,
        uses = {ContentWebMappings.class, DocumentWebMappings.class})
public interface DocumentWebMapper {

    default DocumentResponse toResponse(DocumentView view) {
        List<DocumentShare> shown =
                view.access() == DocumentAccess.MANAGE ? view.document().liveShares() : List.of();
        return toResponse(view.document(), view.access(), shown);
    }

    @Mapping(target = "shares", source = "visibleShares")
    @Mapping(target = "deletedAt", source = "document.deletion.deletedAt")
    @Mapping(target = "version", source = "document.stamp.version")
    @Mapping(target = "createdAt", source = "document.stamp.createdAt")
    @Mapping(target = "updatedAt", source = "document.stamp.updatedAt")
    @BeanMapping(ignoreUnmappedSourceProperties = "shares") // every row, deleted ones too: visibleShares instead
    DocumentResponse toResponse(Document document, DocumentAccess access, List<DocumentShare> visibleShares);

    @BeanMapping(ignoreUnmappedSourceProperties = {"deletion", "live"}) // only live shares are shown
    DocumentShareResponse toResponse(DocumentShare share);

    @Mapping(target = "deletedAt", source = "deletion.deletedAt")
    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    DocumentSummaryResponse toResponse(DocumentSummary summary);

    @Mapping(target = "deletedAt", source = "deletion.deletedAt")
    @BeanMapping(ignoreUnmappedSourceProperties = "live") // isLive() is derived from the deletion
    DocumentRevisionResponse toResponse(DocumentRevision revision);
}
