package dev.dingus.socketio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/** The encoding table of the Socket.IO v5 protocol, both directions. */
class PacketCodecTest {

  final JsonMapper mapper = JsonMapper.builder().build();
  final PacketEncoder encoder = new PacketEncoder(mapper);
  final PacketDecoder decoder = new PacketDecoder(mapper);

  @Test
  void aRawJsonArgumentIsWrittenAsItIs() {
    assertThat(encoder.event("/", "new_message", new Object[] {new RawValue("{\"seq\":7}")}, -1).text())
        .isEqualTo("2[\"new_message\",{\"seq\":7}]");
  }

  @Test
  void encodesTheProtocolTable() {
    assertThat(encoder.connect("/", "abc").text()).isEqualTo("0{\"sid\":\"abc\"}");
    assertThat(encoder.connect("/admin", "abc").text()).isEqualTo("0/admin,{\"sid\":\"abc\"}");
    assertThat(encoder.connectError("/", "Not authorized", null).text()).isEqualTo("4{\"message\":\"Not authorized\"}");
    assertThat(encoder.connectError("/", "no", Map.of("code", 1)).text())
        .isEqualTo("4{\"message\":\"no\",\"data\":{\"code\":1}}");
    assertThat(encoder.event("/", "foo", new Object[0], -1).text()).isEqualTo("2[\"foo\"]");
    assertThat(encoder.event("/admin", "bar", new Object[0], -1).text()).isEqualTo("2/admin,[\"bar\"]");
    assertThat(encoder.event("/", "foo", new Object[0], 12).text()).isEqualTo("212[\"foo\"]");
    assertThat(encoder.event("/admin", "foo", new Object[0], 13).text()).isEqualTo("2/admin,13[\"foo\"]");
    assertThat(encoder.ack("/", 12, new Object[0]).text()).isEqualTo("312[]");
    assertThat(encoder.ack("/admin", 13, new Object[] {"bar"}).text()).isEqualTo("3/admin,13[\"bar\"]");
    assertThat(encoder.disconnect("/").text()).isEqualTo("1");
    assertThat(encoder.disconnect("/admin").text()).isEqualTo("1/admin,");
  }

  @Test
  void encodesNullArgumentsAtTopLevel() {
    assertThat(encoder.event("/", "e", new Object[] {null, 1, null}, -1).text()).isEqualTo("2[\"e\",null,1,null]");
  }

  @Test
  void extractsBinaryArgumentsAsNumberedPlaceholdersInOrder() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("a", new byte[] {3, 4});
    nested.put("b", "text");
    EncodedPacket p = encoder.event("/admin", "baz", new Object[] {new byte[] {1, 2}, nested}, -1);
    assertThat(p.text()).isEqualTo("52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},"
        + "{\"a\":{\"_placeholder\":true,\"num\":1},\"b\":\"text\"}]");
    assertThat(p.frames()).hasSize(3);
    assertThat(p.frames().get(1).binary()).isTrue();
    assertThat(p.frames().get(1).data()).containsExactly(1, 2);
    assertThat(p.frames().get(2).data()).containsExactly(3, 4);
    EncodedPacket ack = encoder.ack("/", 15, new Object[] {"bar", new byte[] {1}});
    assertThat(ack.text()).isEqualTo("61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]");
  }

  @Test
  void decodesEventsWithNamespaceAndAckId() throws Exception {
    Packet p = decoder.decodeText("2/admin,13[\"foo\",1]");
    assertThat(p.type()).isEqualTo(PacketType.EVENT);
    assertThat(p.namespace()).isEqualTo("/admin");
    assertThat(p.ackId()).isEqualTo(13);
    assertThat(p.data().toString()).isEqualTo("[\"foo\",1]");
  }

  @Test
  void decodesConnectWithAndWithoutPayloadAndTrailingComma() throws Exception {
    assertThat(decoder.decodeText("0").namespace()).isEqualTo("/");
    assertThat(decoder.decodeText("0/custom").namespace()).isEqualTo("/custom");
    Packet withAuth = decoder.decodeText("0/custom,{\"token\":\"abc\"}");
    assertThat(withAuth.namespace()).isEqualTo("/custom");
    assertThat(withAuth.data().get("token").asString()).isEqualTo("abc");
  }

  @Test
  void reassemblesBinaryEventsFromTheirAttachments() throws Exception {
    assertThat(decoder.decodeText("52-/admin,7[\"baz\",{\"_placeholder\":true,\"num\":1},"
        + "{\"x\":{\"_placeholder\":true,\"num\":0}}]")).isNull();
    assertThat(decoder.awaitingAttachments()).isTrue();
    assertThat(decoder.addAttachment(new byte[] {1})).isNull();
    Packet p = decoder.addAttachment(new byte[] {2});
    assertThat(p.type()).isEqualTo(PacketType.EVENT);
    assertThat(p.ackId()).isEqualTo(7);
    assertThat(p.data().get(1).binaryValue()).containsExactly(2);
    assertThat(p.data().get(2).get("x").binaryValue()).containsExactly(1);
  }

  @Test
  void binaryAckBecomesAnAck() throws Exception {
    decoder.decodeText("61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]");
    Packet p = decoder.addAttachment(new byte[] {9});
    assertThat(p.type()).isEqualTo(PacketType.ACK);
    assertThat(p.ackId()).isEqualTo(15);
  }

  @Test
  void roundTripsThroughEncoderAndDecoder() throws Exception {
    EncodedPacket out = encoder.event("/", "e", new Object[] {"ü€😀", 1.5, true, new byte[] {7}}, 3);
    String text = out.text();
    assertThat(decoder.decodeText(text)).isNull();
    Packet in = decoder.addAttachment(out.frames().get(1).data());
    assertThat(in.data().get(1).asString()).isEqualTo("ü€😀");
    assertThat(in.data().get(4).binaryValue()).containsExactly(7);
  }

  @Test
  void rejectsWhatTheProtocolForbids() {
    for (String bad : Arrays.asList("", "abc", "7", "42{}".substring(1), "2[]", "2{}", "2\"x\"", "2[1",
        "2abc[\"x\"]", "2[\"connect\"]", "2[\"disconnect\"]", "2[null]", "3[1]", "1{}", "0[]", "4", "5-[\"x\"]",
        "5x-[\"x\"]", "2[\"x\"]garbage")) {
      assertThatThrownBy(() -> new PacketDecoder(mapper).decodeText(bad)).as(bad)
          .isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void rejectsAPlaceholderPointingPastTheAttachments() throws Exception {
    decoder.decodeText("51-[\"x\",{\"_placeholder\":true,\"num\":3}]");
    assertThatThrownBy(() -> decoder.addAttachment(new byte[] {1})).isInstanceOf(ProtocolException.class);
  }

  @Test
  void rejectsAnAttachmentNobodyAnnounced() {
    assertThatThrownBy(() -> decoder.addAttachment(new byte[] {1})).isInstanceOf(ProtocolException.class);
  }

  @Test
  void rejectsMoreAttachmentsThanAPacketMayHave() throws Exception {
    assertThat(new PacketDecoder(mapper).decodeText("5100-[\"x\",{\"_placeholder\":true,\"num\":0}]")).isNull();
    assertThatThrownBy(() -> new PacketDecoder(mapper).decodeText("5101-[\"x\",{\"_placeholder\":true,\"num\":0}]"))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> new PacketDecoder(mapper).decodeText("51000-[\"x\",{\"_placeholder\":true,\"num\":0}]"))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void rejectsAttachmentsThatTogetherExceedTheMaximumPayload() throws Exception {
    // The one-argument decoder takes the server's default maximum payload, 1 MB.
    assertThat(decoder.decodeText("53-[\"x\",{\"_placeholder\":true,\"num\":0}]")).isNull();
    assertThat(decoder.addAttachment(new byte[400_000])).isNull();
    assertThat(decoder.addAttachment(new byte[400_000])).isNull();
    assertThatThrownBy(() -> decoder.addAttachment(new byte[400_000])).isInstanceOf(ProtocolException.class);
    // What was held is dropped at once.
    assertThat(decoder.awaitingAttachments()).isFalse();

    PacketDecoder small = new PacketDecoder(mapper, 1024);
    small.decodeText("52-[\"x\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    assertThat(small.addAttachment(new byte[512])).isNull();
    assertThat(small.addAttachment(new byte[512]).data().get(2).binaryValue()).hasSize(512);
    small.decodeText("52-[\"x\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    assertThat(small.addAttachment(new byte[512])).isNull();
    assertThatThrownBy(() -> small.addAttachment(new byte[513])).isInstanceOf(ProtocolException.class);
  }
}
