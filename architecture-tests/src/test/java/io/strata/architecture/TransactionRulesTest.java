package io.strata.architecture;

import static io.strata.architecture.Planted.HEXAGON;
import static io.strata.architecture.Planted.assertReports;

import org.junit.jupiter.api.Test;

/** Each rule of {@link TransactionRules} reports its planted violations and accepts the clean fixtures. */
class TransactionRulesTest {

    @Test
    void transactions_are_demarcated_only_by_the_application() {
        assertReports(
                        TransactionRules.transactionsAreDemarcatedOnlyByTheApplication(HEXAGON),
                        "adapters.web.alpha.TransactionalController",
                        "adapters.web.alpha.MetaTransactionalController",
                        "adapters.persistence.alpha.TransactionOpeningAdapter",
                        "adapters.persistence.alpha.RequiresNewAdapter",
                        "bootstrap.ReadOnlyJob")
                .butNot("adapters.persistence.alpha.AlphaPersistenceAdapter", "adapters.web.alpha.AlphaController");
    }

    @Test
    void no_code_manages_transactions_by_hand() {
        assertReports(
                        TransactionRules.noCodeManagesTransactionsByHand(HEXAGON),
                        "adapters.persistence.alpha.ManualTransactionAdapter",
                        "bootstrap.EntityTransactionJob")
                .butNot("adapters.persistence.alpha.AlphaPersistenceAdapter", "application.alpha.CreateAlphaService");
    }

    @Test
    void adapters_never_begin_or_end_a_jdbc_transaction() {
        assertReports(
                        TransactionRules.adaptersNeverBeginOrEndAJdbcTransaction(HEXAGON),
                        "adapters.persistence.alpha.HandRolledTransactionAdapter")
                .butNot(
                        "adapters.persistence.alpha.AlphaPersistenceAdapter",
                        "adapters.persistence.alpha.AutoCommitChunkAdapter",
                        "adapters.persistence.shared.ActingDataSource");
    }
}
