package io.strata.domain.community;

import java.util.List;

public record MemberWithCases(Member member, List<ModerationCase> cases) {
    public MemberWithCases {
        cases = List.copyOf(cases);
    }
}
