package dev.dingus.bench.socketio;

/** The load's chat message; public fields so that both Jackson 2 (netty-socketio) and Jackson 3 map it. */
public class ChatMessage {
  public String room;
  public String text;
  public double ts;
  public int from;

  public ChatMessage() {}

  public ChatMessage(String room, String text, double ts, int from) {
    this.room = room;
    this.text = text;
    this.ts = ts;
    this.from = from;
  }
}
