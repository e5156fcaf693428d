package dev.dingus.rooms.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicRoomSearchTest {

    @Test
    void likeWildcardsInTheQueryMatchThemselves() {
        assertThat(PublicRoomSearch.escapeLike("100%_done\\")).isEqualTo("100\\%\\_done\\\\");
        assertThat(PublicRoomSearch.escapeLike("plain")).isEqualTo("plain");
    }
}
