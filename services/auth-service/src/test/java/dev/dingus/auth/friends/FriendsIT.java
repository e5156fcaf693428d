package dev.dingus.auth.friends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.auth.AbstractAuthIT;
import dev.dingus.auth.Http;
import dev.dingus.testsupport.EventCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Friend requests, acceptance, declining, removal and the lists, with their events. */
class FriendsIT extends AbstractAuthIT {

    @Autowired
    ConnectionFactory rabbit;

    private Http.Response ask(Http http, JsonNode from, JsonNode to) {
        return http.post("/api/v1/friends/requests", Map.of("userId", userId(to).toString()), accessToken(from));
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> ids = new ArrayList<>();
        list.get(field).forEach(f -> ids.add(f.get("user").get("id").asString()));
        return ids;
    }

    @Test
    void aRequestWaitsUntilTheOtherAcceptsAndBothAreTold() {
        Http http = http();
        JsonNode ann = register(http);
        JsonNode ben = register(http);
        try (EventCapture events = EventCapture.start(rabbit, slice.exchange(), "friend.#")) {
            Http.Response asked = ask(http, ann, ben);
            assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
            assertThat(asked.json().get("status").asString()).isEqualTo("pending");
            assertThat(asked.json().get("user").get("id").asString()).isEqualTo(userId(ben).toString());

            JsonNode annList = http.get("/api/v1/friends", accessToken(ann)).json();
            JsonNode benList = http.get("/api/v1/friends", accessToken(ben)).json();
            assertThat(ids(annList, "outgoing")).containsExactly(userId(ben).toString());
            assertThat(ids(benList, "incoming")).containsExactly(userId(ann).toString());
            assertThat(ids(annList, "friends")).isEmpty();
            assertThat(benList.get("incoming").get(0).get("since").asString()).endsWith("Z");

            assertThat(ask(http, ann, ben).status()).as("asking again changes nothing").isEqualTo(200);

            Http.Response accepted = http.post("/api/v1/friends/requests/" + userId(ann) + "/accept", null, accessToken(ben));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
            assertThat(ids(http.get("/api/v1/friends", accessToken(ann)).json(), "friends")).containsExactly(userId(ben).toString());
            JsonNode benAfter = http.get("/api/v1/friends", accessToken(ben)).json();
            assertThat(ids(benAfter, "friends")).containsExactly(userId(ann).toString());
            assertThat(ids(benAfter, "incoming")).isEmpty();

            JsonNode requested = event(events, "friend.requested", userId(ann));
            assertThat(requested.get("data").get("fromUserId").asString()).isEqualTo(userId(ann).toString());
            assertThat(requested.get("data").get("fromUsername").asString()).isEqualTo(ann.get("user").get("username").asString());
            assertThat(requested.get("data").get("toUserId").asString()).isEqualTo(userId(ben).toString());
            JsonNode acceptedEvent = event(events, "friend.accepted", userId(ben));
            assertThat(acceptedEvent.get("data").get("requesterId").asString()).isEqualTo(userId(ann).toString());
            assertThat(acceptedEvent.get("data").get("accepterId").asString()).isEqualTo(userId(ben).toString());
            assertThat(events.bodiesOf("friend.requested").stream().filter(b -> b.contains(userId(ann).toString())))
                    .as("the repeated request published nothing").hasSize(1);
        }
    }

    @Test
    void askingSomeoneWhoAskedYouMakesYouFriends() {
        Http http = http();
        JsonNode cai = register(http);
        JsonNode dee = register(http);
        assertThat(ask(http, cai, dee).status()).isEqualTo(201);

        Http.Response mutual = ask(http, dee, cai);

        assertThat(mutual.status()).isEqualTo(201);
        assertThat(mutual.json().get("status").asString()).isEqualTo("accepted");
        assertThat(ids(http.get("/api/v1/friends", accessToken(cai)).json(), "friends")).containsExactly(userId(dee).toString());
        assertThat(ask(http, cai, dee).json().get("status").asString()).isEqualTo("accepted");
    }

    @Test
    void declinedRequestsDisappearQuietly() {
        Http http = http();
        JsonNode eve = register(http);
        JsonNode fay = register(http);
        ask(http, eve, fay);

        assertThat(http.post("/api/v1/friends/requests/" + userId(eve) + "/decline", null, accessToken(fay)).status()).isEqualTo(204);

        JsonNode eveList = http.get("/api/v1/friends", accessToken(eve)).json();
        assertThat(ids(eveList, "outgoing")).isEmpty();
        assertThat(ids(eveList, "friends")).isEmpty();
        Http.Response again = http.post("/api/v1/friends/requests/" + userId(eve) + "/decline", null, accessToken(fay));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("friend_request_not_found");
        Http.Response acceptOwn = http.post("/api/v1/friends/requests/" + userId(fay) + "/accept", null, accessToken(eve));
        assertThat(acceptOwn.code()).as("one cannot accept a request one did not receive").isEqualTo("friend_request_not_found");
    }

    @Test
    void afterADeclineTheRequesterMayNotAskAgainAtOnce() {
        Http http = http();
        JsonNode kai = register(http);
        JsonNode lou = register(http);
        try (EventCapture events = EventCapture.start(rabbit, slice.exchange(), "friend.requested")) {
            assertThat(ask(http, kai, lou).status()).isEqualTo(201);
            http.post("/api/v1/friends/requests/" + userId(kai) + "/decline", null, accessToken(lou));

            Http.Response again = ask(http, kai, lou);
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("friend_request_declined");
            // The one who declined may still ask.
            assertThat(ask(http, lou, kai).status()).isEqualTo(201);
            // kai's first request and lou's, relayed in order: the refused one, between them, would be seen by now.
            String kaiId = userId(kai).toString();
            String louId = userId(lou).toString();
            List<String> both = events.await("friend.requested",
                    b -> b.stream().filter(e -> e.contains(kaiId) && e.contains(louId)).count() >= 2, Duration.ofSeconds(20));
            assertThat(both.stream().filter(e -> e.contains(kaiId) && e.contains(louId))).hasSize(2);
        }
    }

    @Test
    void openRequestsAndFriendsAreBoundedPerUser() {
        Http http = http();
        JsonNode max = register(http);
        List<JsonNode> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(register(http));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(ask(http, max, others.get(i)).status()).isEqualTo(201);
        }
        Http.Response fourth = ask(http, max, others.get(3));
        assertThat(fourth.status()).as(fourth.toString()).isEqualTo(409);
        assertThat(fourth.code()).isEqualTo("too_many_friend_requests");

        // Accepted requests no longer wait; friends and open requests together stop at 5.
        for (int i = 0; i < 3; i++) {
            http.post("/api/v1/friends/requests/" + userId(max) + "/accept", null, accessToken(others.get(i)));
        }
        assertThat(ask(http, max, others.get(3)).status()).isEqualTo(201);
        assertThat(ask(http, others.get(4), max).status()).isEqualTo(201);
        Http.Response sixth = ask(http, max, others.get(5));
        assertThat(sixth.code()).isEqualTo("too_many_friends");
        Http.Response toFull = ask(http, others.get(5), max);
        assertThat(toFull.status()).isEqualTo(409);
        assertThat(toFull.code()).isEqualTo("too_many_friends");
        assertThat(toFull.json().get("detail").asString()).contains("This user");
        JsonNode list = http.get("/api/v1/friends", accessToken(max)).json();
        assertThat(ids(list, "friends").size() + ids(list, "outgoing").size() + ids(list, "incoming").size()).isEqualTo(5);
    }

    @Test
    void removingEndsAFriendshipAndCancellingWithdrawsARequest() {
        Http http = http();
        JsonNode gus = register(http);
        JsonNode hal = register(http);
        JsonNode ivy = register(http);
        ask(http, gus, hal);
        http.post("/api/v1/friends/requests/" + userId(gus) + "/accept", null, accessToken(hal));
        ask(http, gus, ivy);

        try (EventCapture events = EventCapture.start(rabbit, slice.exchange(), "friend.removed")) {
            assertThat(http.delete("/api/v1/friends/" + userId(hal), accessToken(gus)).status()).isEqualTo(204);
            assertThat(http.delete("/api/v1/friends/" + userId(ivy), accessToken(gus)).status()).isEqualTo(204);

            JsonNode removed = event(events, "friend.removed", userId(gus));
            assertThat(removed.get("data").get("otherUserId").asString()).isEqualTo(userId(hal).toString());
        }
        JsonNode gusList = http.get("/api/v1/friends", accessToken(gus)).json();
        assertThat(ids(gusList, "friends")).isEmpty();
        assertThat(ids(gusList, "outgoing")).isEmpty();
        assertThat(ids(http.get("/api/v1/friends", accessToken(ivy)).json(), "incoming")).isEmpty();

        Http.Response notFriends = http.delete("/api/v1/friends/" + userId(hal), accessToken(gus));
        assertThat(notFriends.status()).isEqualTo(404);
        assertThat(notFriends.code()).isEqualTo("friend_not_found");
    }

    @Test
    void requestsNeedAnotherExistingUser() {
        Http http = http();
        JsonNode jo = register(http);

        Http.Response self = ask(http, jo, jo);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.code()).isEqualTo("friend_self");
        Http.Response nobody = http.post("/api/v1/friends/requests", Map.of("userId", UUID.randomUUID().toString()), accessToken(jo));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.code()).isEqualTo("user_not_found");
        Http.Response missing = http.post("/api/v1/friends/requests", Map.of(), accessToken(jo));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("validation_failed");
        Http.Response malformed = http.post("/api/v1/friends/requests", Map.of("userId", "not-a-uuid"), accessToken(jo));
        assertThat(malformed.status()).isEqualTo(400);
        Http.Response badPath = http.post("/api/v1/friends/requests/not-a-uuid/accept", null, accessToken(jo));
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.code()).isEqualTo("validation_failed");
    }

    private static JsonNode event(EventCapture events, String type, UUID mentioning) {
        List<String> bodies = events.await(type, b -> b.stream().anyMatch(e -> e.contains(mentioning.toString())), Duration.ofSeconds(20));
        return Http.JSON.readTree(bodies.stream().filter(e -> e.contains(mentioning.toString())).findFirst().orElseThrow());
    }
}
