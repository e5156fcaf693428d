package dev.dingus.rooms.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomTextsTest {

    @Test
    void namesAreTrimmedAndCountedInCharacters() {
        assertThat(RoomTexts.name("  general  ")).isEqualTo("general");
        assertThat(RoomTexts.nameProblem("x".repeat(80))).isNull();
        assertThat(RoomTexts.nameProblem("  " + "x".repeat(80) + "\t")).isNull();
        assertThat(RoomTexts.nameProblem("x".repeat(81))).contains("at most 80");
        assertThat(RoomTexts.nameProblem("\uD83C\uDF89".repeat(80))).isNull(); // 80 emoji, 160 UTF-16 units
    }

    @Test
    void blankOrControlCharacterNamesAreRefused() {
        assertThat(RoomTexts.nameProblem("")).isEqualTo("must not be blank");
        assertThat(RoomTexts.nameProblem(" \t ")).isEqualTo("must not be blank");
        assertThat(RoomTexts.nameProblem(null)).isEqualTo("must not be blank");
        assertThat(RoomTexts.nameProblem("a\nb")).contains("control");
        assertThat(RoomTexts.nameProblem("a\u0000b")).contains("control");
        assertThat(RoomTexts.nameProblem("a\u009Fb")).contains("control");
        assertThat(RoomTexts.nameProblem("admin\u202Etxt")).contains("control");
        assertThat(RoomTexts.nameProblem("Café ☕ 日本")).isNull();
    }

    @Test
    void topicsMayBreakLinesAndAnEmptyTopicClearsIt() {
        assertThat(RoomTexts.topicProblem("line\nnext\ttab")).isNull();
        assertThat(RoomTexts.topicProblem(null)).isNull();
        assertThat(RoomTexts.topic("   ")).isNull();
        assertThat(RoomTexts.topicProblem("t".repeat(500))).isNull();
        assertThat(RoomTexts.topicProblem("t".repeat(501))).contains("at most 500");
        assertThat(RoomTexts.topicProblem("bell\u0007")).contains("control");
    }
}
