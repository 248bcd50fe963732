package io.tributary.cdc.offset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckTrackerTest {

    private final AckTracker tracker = new AckTracker();

    @Test
    void confirmsATransactionOnlyAfterItsCommitAndEveryRecordAcknowledged() {
        tracker.begin(100);
        tracker.recordEmitted(100);
        tracker.recordEmitted(100);
        tracker.acknowledged(100);
        assertThat(tracker.confirmableLsn()).isZero();
        tracker.committed(100, 120);
        assertThat(tracker.confirmableLsn()).isZero();
        tracker.acknowledged(100);
        assertThat(tracker.confirmableLsn()).isEqualTo(120);
        assertThat(tracker.settled()).isTrue();
    }

    @Test
    void aLaterTransactionWaitsForAnEarlierOne() {
        tracker.begin(100);
        tracker.recordEmitted(100);
        tracker.committed(100, 120);
        tracker.begin(200);
        tracker.recordEmitted(200);
        tracker.committed(200, 220);
        tracker.acknowledged(200);
        assertThat(tracker.confirmableLsn()).isZero();
        tracker.acknowledged(100);
        assertThat(tracker.confirmableLsn()).isEqualTo(220);
    }

    @Test
    void transactionsWithoutRecordsAreConfirmedAtCommit() {
        tracker.begin(100);
        tracker.committed(100, 130);
        assertThat(tracker.confirmableLsn()).isEqualTo(130);
    }

    @Test
    void unknownAcknowledgementsAreIgnored() {
        tracker.acknowledged(5);
        tracker.committed(5, 6);
        assertThat(tracker.confirmableLsn()).isZero();
    }

    @Test
    void withKafkaTransactionsOnlyCommittedAcknowledgementsCount() {
        AckTracker transactional = new AckTracker(true);
        transactional.begin(100);
        transactional.recordEmitted(100);
        transactional.committed(100, 120);
        transactional.acknowledged(100);
        assertThat(transactional.confirmableLsn()).isZero();
        assertThat(transactional.settled()).isFalse();
        transactional.kafkaCommitted();
        assertThat(transactional.confirmableLsn()).isEqualTo(120);
        assertThat(transactional.settled()).isTrue();
    }

    @Test
    void recordsCommittedToKafkaBeforeTheirCommitMessageWasReadCountOnceItIs() {
        AckTracker transactional = new AckTracker(true);
        transactional.begin(100);
        transactional.recordEmitted(100);
        transactional.acknowledged(100);
        transactional.kafkaCommitted();
        assertThat(transactional.confirmableLsn()).isZero();
        transactional.committed(100, 120);
        assertThat(transactional.confirmableLsn()).isEqualTo(120);
    }

    @Test
    void anAcknowledgementAfterTheLastKafkaCommitWaitsForTheNext() {
        AckTracker transactional = new AckTracker(true);
        transactional.begin(100);
        transactional.recordEmitted(100);
        transactional.recordEmitted(100);
        transactional.acknowledged(100);
        transactional.kafkaCommitted();
        transactional.acknowledged(100);
        transactional.committed(100, 120);
        assertThat(transactional.confirmableLsn()).isZero();
        transactional.kafkaCommitted();
        assertThat(transactional.confirmableLsn()).isEqualTo(120);
    }
}
