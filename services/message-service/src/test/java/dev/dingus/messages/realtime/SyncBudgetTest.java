package dev.dingus.messages.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.realtime.ReadSocketEvents.Budget;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncBudgetTest {

    private static List<MessageView> messages(int count, String content) {
        UUID room = UUID.randomUUID();
        return IntStream.rangeClosed(1, count).mapToObj(seq -> new MessageView(UUID.randomUUID(), room, seq, UUID.randomUUID(),
                "alice", content, null, "2026-11-25T17:03:09.123Z", null, false)).toList();
    }

    @Test
    void messagesAreTakenUntilTheBudgetIsSpentAcrossRooms() {
        int each = Budget.FIXED_MESSAGE_BYTES + 1000 + 5; // content and username
        Budget budget = new Budget(10L * each);
        assertThat(budget.take(messages(4, "x".repeat(1000)))).isEqualTo(4);
        assertThat(budget.spent()).isFalse();
        assertThat(budget.take(messages(20, "x".repeat(1000)))).isEqualTo(6);
        assertThat(budget.spent()).isTrue();
    }

    @Test
    void eachRoomsFirstMessageIsTakenEvenBeyondTheBudget() {
        Budget budget = new Budget(4400);
        assertThat(budget.take(messages(3, "y".repeat(4000)))).isEqualTo(1);
        assertThat(budget.spent()).isTrue();
        assertThat(budget.take(messages(3, "z".repeat(4000)))).isEqualTo(1);
        assertThat(budget.take(messages(3, ""))).isEqualTo(1);
        assertThat(budget.take(List.of())).isZero();
    }

    @Test
    void textsCountAsTheirUtf8Bytes() {
        assertThat(Budget.utf8Length("abc")).isEqualTo(3);
        assertThat(Budget.utf8Length("é")).isEqualTo(2);
        assertThat(Budget.utf8Length("€")).isEqualTo(3);
        assertThat(Budget.utf8Length("😀")).isEqualTo(4);
        assertThat(Budget.utf8Length(null)).isZero();
    }
}
