package org.careerconversations.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.careerconversations.security.sso.SignedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The engine REST API answers anyone unless a filter authenticates the caller (authorization checks apply
 * only to an authenticated user): every
 * {@code /engine-rest} call must carry HTTP Basic credentials — or, with single sign-on (profile {@code sso}),
 * a bearer token of the organisation's identity provider, and Basic only where {@code careers.security.basic-auth}
 * still allows it — and the engine then checks authorizations for that user.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(Environment environment,
        @Value("${careers.security.basic-auth:true}") boolean basicAuth) {
        boolean tokens = environment.acceptsProfiles(Profiles.of("sso"));
        Class<?> provider = !basicAuth ? SignedIn.TokenProvider.class
            : tokens ? SignedIn.TokenOrBasicProvider.class : HttpBasicAuthenticationProvider.class;
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            provider.getName());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
        registration.setOrder(Integer.MIN_VALUE + 10);
        return registration;
    }
}
