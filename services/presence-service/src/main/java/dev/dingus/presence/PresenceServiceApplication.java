package dev.dingus.presence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PresenceServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(PresenceServiceApplication.class, args);
    }
}
