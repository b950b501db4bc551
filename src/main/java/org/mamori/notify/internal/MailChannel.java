package org.mamori.notify.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.MamoriProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text e-mails in UTF-8 through the configured SMTP server. The sender is kept here,
 * not as a bean, so Spring Boot adds no mail health check: an SMTP server that is down delays
 * e-mails (the outbox retries), it does not make Mamori unhealthy.
 */
@Component
class MailChannel {

  private static final String TIMEOUT_MILLIS = "10000";

  private final @Nullable JavaMailSenderImpl sender;
  private final String from;

  MailChannel(MailSettings settings, MamoriProperties mamori) {
    this.sender = settings.configured() ? sender(settings) : null;
    this.from =
        settings.from().isBlank() ? "mamori@" + mamori.baseUrl().getHost() : settings.from();
  }

  /** Whether e-mail is set up ({@code MAMORI_SMTP_HOST}); without it nothing is e-mailed. */
  boolean configured() {
    return sender != null;
  }

  /**
   * @throws MailException if the server cannot be reached or refuses the message
   * @throws IllegalStateException if e-mail is not set up
   */
  void send(String to, String subject, String body) {
    if (sender == null) {
      throw new IllegalStateException("e-mail is not set up");
    }
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      mail.setFrom(address(from));
      mail.setTo(to);
      mail.setSubject(subject);
      mail.setText(body, false);
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not write the e-mail to " + to, e);
    }
    sender.send(message);
  }

  private static InternetAddress address(String text) throws MessagingException {
    InternetAddress[] parsed = InternetAddress.parse(text, false);
    if (parsed.length != 1) {
      throw new MessagingException("MAMORI_MAIL_FROM must be one address: " + text);
    }
    try {
      // A display name written in Japanese must be encoded for the header.
      return parsed[0].getPersonal() == null
          ? parsed[0]
          : new InternetAddress(
              parsed[0].getAddress(), parsed[0].getPersonal(), StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 is unavailable", e);
    }
  }

  private static JavaMailSenderImpl sender(MailSettings settings) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(settings.host());
    sender.setPort(settings.port());
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    Properties properties = new Properties();
    if (!settings.user().isBlank()) {
      sender.setUsername(settings.user());
      sender.setPassword(settings.password());
      properties.put("mail.smtp.auth", "true");
    }
    properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
    properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
