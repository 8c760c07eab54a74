package org.careerconversations.organisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar career-conversations.jar --import-org=org.csv [--import-mode=partial]}: imports the file,
 * prints the report and exits (0 imported, 1 rejected), instead of serving the app.
 */
@Component
class OrganisationImportCommand {

    private final OrganisationImport organisationImport;
    private final ApplicationContext context;
    private final ApplicationArguments args;

    OrganisationImportCommand(OrganisationImport organisationImport, ApplicationContext context,
                              ApplicationArguments args) {
        this.organisationImport = organisationImport;
        this.context = context;
        this.args = args;
    }

    /** After the groups exist (AccessSetup) and, in the demo, the demo organisation. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void run() throws IOException {
        if (!args.containsOption("import-org")) {
            return;
        }
        Path file = Path.of(args.getOptionValues("import-org").get(0));
        boolean partial = args.containsOption("import-mode")
            && "partial".equals(args.getOptionValues("import-mode").get(0));
        OrganisationImport.Report report = organisationImport.importCsv(Files.readString(file, StandardCharsets.UTF_8),
            partial ? OrganisationImport.Mode.PARTIAL : OrganisationImport.Mode.FULL);
        if (report.imported()) {
            System.out.printf("Imported %s: %d rows, %d created, %d updated, %d unchanged, %d deactivated%n", file,
                report.rows(), report.created(), report.updated(), report.unchanged(), report.deactivated());
        } else {
            System.out.printf("Rejected %s, nothing imported:%n", file);
            report.problems().forEach(p -> System.out.printf("  line %d, %s: %s%n", p.line(), p.field(), p.message()));
        }
        int code = report.imported() ? 0 : 1;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
