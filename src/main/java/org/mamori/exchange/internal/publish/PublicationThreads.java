package org.mamori.exchange.internal.publish;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads that publish items to TAXII, apart from those that deliver notices. */
@Configuration(proxyBeanMethods = false)
class PublicationThreads {

  static final String EXECUTOR = "publicationExecutor";

  @Bean(EXECUTOR)
  ThreadPoolTaskExecutor publicationExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("publish-");
    executor.setCorePoolSize(2);
    executor.setMaxPoolSize(2);
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }
}
