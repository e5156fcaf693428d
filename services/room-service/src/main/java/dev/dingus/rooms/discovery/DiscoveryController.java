package dev.dingus.rooms.discovery;

import dev.dingus.contracts.text.TextRules;
import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.rooms.core.PageView;
import dev.dingus.rooms.core.Paging;
import dev.dingus.rooms.core.RoomTexts;
import dev.dingus.rooms.core.RoomView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "rooms")
public class DiscoveryController {
    private final PublicRoomSearch search;

    public DiscoveryController(PublicRoomSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/rooms/discover")
    @Operation(summary = "Public rooms whose name contains q (case-insensitive), ordered by name")
    public PageView<RoomView> discover(AuthenticatedUser user,
            @Parameter(description = "part of the name; empty lists every public room")
            @RequestParam(required = false) @Size(max = RoomTexts.NAME_MAX)
            @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return search.search(user.id(), q, page, size);
    }
}
