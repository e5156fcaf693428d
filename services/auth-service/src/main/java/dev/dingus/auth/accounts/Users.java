package dev.dingus.auth.accounts;

import dev.dingus.auth.accounts.internal.UserRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Read access to users for other features (public views, no email, no credentials). */
@Service
public class Users {
    private final UserRepository repository;

    public Users(UserRepository repository) {
        this.repository = repository;
    }

    public Optional<UserView> byId(UUID id) {
        return repository.findById(id).map(row -> row.toView(false));
    }

    public Optional<UserView> byUsername(String username) {
        return repository.findByUsername(username).map(row -> row.toView(false));
    }

    /** The users among {@code ids} that exist, in no particular order. */
    public List<UserView> byIds(Collection<UUID> ids) {
        return repository.findAllByIds(ids).stream().map(row -> row.toView(false)).toList();
    }
}
