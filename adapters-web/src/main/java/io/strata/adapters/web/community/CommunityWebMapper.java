package io.strata.adapters.web.community;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.domain.community.CaseReason;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberWithCases;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.community.PointsTransfer;
import java.util.List;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain to response for the community context; clients see the chat platform's ids, never our uuids. */
@Mapper(config = WebMapperConfig.class)
public interface CommunityWebMapper {
    @Mapping(target = "guildId", source = "externalId")
    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @BeanMapping(ignoreUnmappedSourceProperties = {"id", "botUserId"})
    GuildConfigResponse toResponse(GuildConfig config);

    default MemberResponse toResponse(Member member) {
        return toResponse(member, null);
    }

    default MemberResponse toResponse(MemberWithCases memberWithCases) {
        return toResponse(memberWithCases.member(), toCaseResponses(memberWithCases.cases()));
    }

    @Mapping(target = "userId", source = "member.externalUserId")
    @Mapping(target = "version", source = "member.stamp.version")
    @Mapping(target = "createdAt", source = "member.stamp.createdAt")
    @Mapping(target = "updatedAt", source = "member.stamp.updatedAt")
    @BeanMapping(ignoreUnmappedSourceProperties = {"id", "guildId"})
    MemberResponse toResponse(Member member, List<CaseResponse> cases);

    @Mapping(target = "from", source = "fromUserId")
    @Mapping(target = "to", source = "toUserId")
    @BeanMapping(ignoreUnmappedSourceProperties = {"guildId", "fromMemberId", "toMemberId"})
    TransferResponse toResponse(PointsTransfer transfer);

    @Mapping(target = "userId", source = "memberExternalId")
    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @BeanMapping(ignoreUnmappedSourceProperties = {"id", "guildId", "memberId"})
    CaseResponse toResponse(ModerationCase moderationCase);

    List<CaseResponse> toCaseResponses(List<ModerationCase> cases);

    CaseReasonResponse toResponse(CaseReason reason);
}
