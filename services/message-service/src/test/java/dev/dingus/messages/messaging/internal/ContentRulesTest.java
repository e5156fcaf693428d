package dev.dingus.messages.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dingus.platform.web.errors.ApiException;
import org.junit.jupiter.api.Test;

class ContentRulesTest {

    @Test
    void contentIsTrimmedAndCountedInCharactersNotCodeUnits() {
        assertThat(ContentRules.normalize("  hi \n", 4000)).isEqualTo("hi");
        assertThat(ContentRules.normalize("😀".repeat(4), 4)).hasSize(8);
        assertThatThrownBy(() -> ContentRules.normalize("😀".repeat(5), 4))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("message_too_long"));
        assertThatThrownBy(() -> ContentRules.normalize(" \t ", 4000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("message_empty"));
        assertThatThrownBy(() -> ContentRules.normalize(null, 4000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("message_empty"));
    }

    @Test
    void contentKeepsLineBreaksAndTabsButNoOtherControlCharacters() {
        assertThat(ContentRules.normalize("line 1\r\n\tline 2", 4000)).isEqualTo("line 1\r\n\tline 2");
        for (String bad : new String[] {"a\u0000b", "bell\u0007", "esc\u001b[31m", "c1\u0085"}) {
            assertThatThrownBy(() -> ContentRules.normalize(bad, 4000)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("validation_failed"));
        }
    }

    @Test
    void mentionsAreDistinctLowerCasedUsernamesNotEmailAddresses() {
        assertThat(ContentRules.mentions("@Alice hi @bob_1, @alice again. (@carol.x) mail a@b.com @no @toolongname"
                + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")).containsExactly("alice", "bob_1", "carol.x");
        assertThat(ContentRules.mentions("end of sentence @dave.")).containsExactly("dave");
        assertThat(ContentRules.mentions("no mentions here")).isEmpty();
    }

    @Test
    void clientMsgIdsAreBoundedAndPrintable() {
        assertThat(ContentRules.clientMsgId("  ", 128)).isNull();
        assertThat(ContentRules.clientMsgId("abc-1", 128)).isEqualTo("abc-1");
        assertThatThrownBy(() -> ContentRules.clientMsgId("x".repeat(129), 128)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ContentRules.clientMsgId("a\u0000b", 128)).isInstanceOf(ApiException.class);
    }
}
