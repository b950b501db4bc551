package org.mamori.notify.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server e-mails go through ({@code mamori.mail.*}, from {@code MAMORI_SMTP_*} and {@code
 * MAMORI_MAIL_FROM}). No host, no e-mail: notices still appear in Mamori.
 *
 * @param starttls require STARTTLS before anything is sent (the server must offer it)
 * @param from the sender address; blank means {@code mamori@} and the host of Mamori's address
 */
@ConfigurationProperties("mamori.mail")
record MailSettings(
    @DefaultValue("") String host,
    @DefaultValue("587") int port,
    @DefaultValue("") String user,
    @DefaultValue("") String password,
    @DefaultValue("true") boolean starttls,
    @DefaultValue("") String from) {

  boolean configured() {
    return !host.isBlank();
  }
}
