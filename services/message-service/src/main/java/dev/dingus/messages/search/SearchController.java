package dev.dingus.messages.search;

import dev.dingus.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "search")
public class SearchController {
    private final MessageSearch search;

    SearchController(MessageSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/messages/search")
    @Operation(summary = "Full-text search in my rooms (or one of them), newest first; size ≤ 100, default 20")
    public SearchPage search(AuthenticatedUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID roomId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return search.search(user.id(), q, roomId, page, size);
    }
}
