package org.careerconversations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CareerConversationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareerConversationsApplication.class, args);
    }
}
