package dev.dingus.auth.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.auth.Http;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The documented limits, as the request records enforce them. */
class RequestValidationTest {
    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Set<String> invalidFields(Object request) {
        return VALIDATOR.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    private static RegisterRequest register(String username, String email, String password, String displayName) {
        return new RegisterRequest(username, email, password, displayName);
    }

    @Test
    void aTypicalRegistrationIsValid() {
        assertThat(invalidFields(register("ada_l.o-v3", "Ada@Example.org", "12345678", null))).isEmpty();
        assertThat(invalidFields(register("abc", "a@b.co", "p".repeat(128), "d".repeat(64)))).isEmpty();
    }

    @Test
    void usernamesAre3To32OfLettersDigitsAndUnderscoreDotDash() {
        for (String bad : new String[] {null, "", "ab", "a".repeat(33), "with space", "ümlaut", "a@b", "a+b", "a/b"}) {
            assertThat(invalidFields(register(bad, "a@b.co", "12345678", null))).as(String.valueOf(bad)).containsOnly("username");
        }
        assertThat(invalidFields(register("a".repeat(32), "a@b.co", "12345678", null))).isEmpty();
    }

    @Test
    void emailsMustLookLikeEmails() {
        for (String bad : new String[] {null, "", "plain", "a@b", "a@@b.co", "a b@c.de", "a@b .co", "@b.co",
                "x".repeat(250) + "@b.co"}) {
            assertThat(invalidFields(register("abc", bad, "12345678", null))).as(String.valueOf(bad)).containsOnly("email");
        }
    }

    @Test
    void passwordsAre8To128Characters() {
        assertThat(invalidFields(register("abc", "a@b.co", null, null))).containsOnly("password");
        assertThat(invalidFields(register("abc", "a@b.co", "1234567", null))).containsOnly("password");
        assertThat(invalidFields(register("abc", "a@b.co", "p".repeat(129), null))).containsOnly("password");
    }

    @Test
    void displayNamesAreAtMost64CharactersWithoutControlCharacters() {
        assertThat(invalidFields(register("abc", "a@b.co", "12345678", "d".repeat(65)))).containsOnly("displayName");
        assertThat(invalidFields(register("abc", "a@b.co", "12345678", "tab\there"))).containsOnly("displayName");
    }

    @Test
    void profileFieldsHaveTheirLimits() {
        assertThat(invalidFields(new ProfileUpdateRequest(null, null, null))).isEmpty();
        assertThat(invalidFields(new ProfileUpdateRequest("", "", ""))).as("empty strings clear").isEmpty();
        assertThat(invalidFields(new ProfileUpdateRequest(null, "http://x.io/a.png?s=1#f", "s".repeat(140)))).isEmpty();
        assertThat(invalidFields(new ProfileUpdateRequest(null, "javascript:alert(1)", null))).containsOnly("avatarUrl");
        assertThat(invalidFields(new ProfileUpdateRequest(null, "data:image/png;base64,xx", null))).containsOnly("avatarUrl");
        assertThat(invalidFields(new ProfileUpdateRequest(null, "https://", null))).containsOnly("avatarUrl");
        assertThat(invalidFields(new ProfileUpdateRequest(null, "https://x.io/" + "a".repeat(500), null))).containsOnly("avatarUrl");
        assertThat(invalidFields(new ProfileUpdateRequest(null, null, "s".repeat(141)))).containsOnly("statusText");
        for (String control : new String[] {"\u0000", "\u0001", "\u001f", "\u007f"}) {
            assertThat(invalidFields(new ProfileUpdateRequest(null, "https://x.io/a" + control + "b", null)))
                    .as("avatarUrl with U+%04X", (int) control.charAt(0)).containsOnly("avatarUrl");
        }
    }

    @Test
    void loginAcceptsUsernameOrEmailInPlaceOfLogin() {
        LoginRequest byEmail = Http.JSON.readValue("{\"email\":\"ada@example.com\",\"password\":\"pw\"}", LoginRequest.class);
        LoginRequest byUsername = Http.JSON.readValue("{\"username\":\"ada\",\"password\":\"pw\"}", LoginRequest.class);
        LoginRequest byLogin = Http.JSON.readValue("{\"login\":\"ada\",\"password\":\"pw\"}", LoginRequest.class);

        assertThat(byEmail.login()).isEqualTo("ada@example.com");
        assertThat(byUsername.login()).isEqualTo("ada");
        assertThat(byLogin.login()).isEqualTo("ada");
        assertThat(invalidFields(new LoginRequest(null, "pw"))).containsOnly("login");
        assertThat(invalidFields(new LoginRequest("ada", ""))).containsOnly("password");
        // No user name or address holds one, and PostgreSQL cannot even compare text with a NUL in it.
        assertThat(invalidFields(new LoginRequest("a\u0000da", "pw"))).containsOnly("login");
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(register("abc", "a@b.co", "hunter22", null).toString()).doesNotContain("hunter22").doesNotContain("a@b.co");
        assertThat(new LoginRequest("abc", "hunter22").toString()).doesNotContain("hunter22");
        assertThat(new PasswordChangeRequest("hunter22", "hunter23").toString()).doesNotContain("hunter2");
    }
}
