package dev.dingus.bench.socketio;

import dev.dingus.socketio.protocol.EncodedPacket;
import dev.dingus.socketio.protocol.Packet;
import dev.dingus.socketio.protocol.PacketDecoder;
import dev.dingus.socketio.protocol.PacketEncoder;
import dev.dingus.socketio.protocol.ProtocolException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/** Socket.IO packet encoding and decoding: what every emitted and received event costs. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CodecBenchmark {

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final PacketEncoder encoder = new PacketEncoder(mapper);
  private final Map<String, Object> message = Map.of("id", "8d1f0c9e-6f5b-4a53-9d7e-2f4b8c1a0e11",
      "room_id", "3f2b1c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d", "seq", 1234, "sender_username", "alice",
      "content", "Hello there, this is a typical chat message of moderate length.", "created_at",
      "2026-11-25T17:00:00Z", "deleted", false);
  private final ChatMessage chat = new ChatMessage("room-1", "x".repeat(100), 1234.5, 7);
  private final byte[] kilobyte = new byte[1024];
  // Socket.IO text of an inbound event (the Engine.IO "4" is already stripped by the transport).
  private final String inbound = "2[\"send_message\",{\"roomId\":\"3f2b1c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d\","
      + "\"content\":\"Hello there, this is a typical chat message of moderate length.\",\"clientMsgId\":\"c-1\"}]";
  private final String inboundWithAck = "2/chat,17[\"typing\",{\"roomId\":\"r1\"}]";

  @Benchmark
  public EncodedPacket encodeChatMessageEvent() {
    return encoder.event("/", "new_message", new Object[] {message}, -1);
  }

  @Benchmark
  public EncodedPacket encodeBeanEvent() {
    return encoder.event("/", "chat", new Object[] {chat}, -1);
  }

  @Benchmark
  public EncodedPacket encodeBinaryEvent() {
    return encoder.event("/", "file", new Object[] {"name.bin", kilobyte}, 3);
  }

  @Benchmark
  public EncodedPacket encodeAck() {
    return encoder.ack("/", 42, new Object[] {Map.of("success", true)});
  }

  @Benchmark
  public Packet decodeChatMessageEvent() throws ProtocolException {
    return new PacketDecoder(mapper).decodeText(inbound);
  }

  @Benchmark
  public Packet decodeNamespacedEventWithAck() throws ProtocolException {
    return new PacketDecoder(mapper).decodeText(inboundWithAck);
  }
}
