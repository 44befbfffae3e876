package org.safereg.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.safereg.enterprise.CreditCodes;
import org.safereg.jobs.Job;
import org.safereg.jobs.Jobs;
import org.safereg.province.SyntheticProvince;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The data-exchange benchmark (scripts/benchmark-exchange.sh): writes files of N rows in each format, imports
 * them the way the API does (judge every row, then write in one transaction), imports them again (nothing
 * changes), exports each dataset to a file, and waits for the re-evaluation job of the first import. Prints
 * rows per second for each step, then exits.
 */
@Component
@Order(1000)
@ConditionalOnProperty("safereg.benchmark.exchange")
class ExchangeBenchmark implements ApplicationRunner {

    private final ConfigurableApplicationContext context;
    private final SyntheticProvince province;
    private final Datasets datasets;
    private final DataImports imports;
    private final Jobs jobs;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    ExchangeBenchmark(
            ConfigurableApplicationContext context,
            SyntheticProvince province,
            Datasets datasets,
            DataImports imports,
            Jobs jobs,
            JdbcTemplate jdbc,
            Clock clock) {
        this.context = context;
        this.province = province;
        this.datasets = datasets;
        this.imports = imports;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int rows = context.getEnvironment().getRequiredProperty("safereg.benchmark.exchange", Integer.class);
        System.out.printf("%nSafeReg data-exchange benchmark: %,d rows a file%n", rows);
        province.generate(100, 20260101L, LocalDate.now(clock));
        String county = jdbc.queryForObject(
                "SELECT code FROM regions WHERE level = 'COUNTY' ORDER BY code LIMIT 1", String.class);
        LocalDate today = LocalDate.now(clock);
        Path dir = Files.createTempDirectory("safereg-exchange-bench");
        try {
            // the register: N new enterprises, as CSV
            IntFunction<List<Object>> enterprise = i -> Arrays.asList(
                    code(i),
                    "基准企业" + i,
                    county,
                    i % 3 == 0 ? "HAZARDOUS_CHEMICALS" : "OTHER",
                    "SMALL",
                    20 + i % 500,
                    i % 7 == 0 ? 3 : null,
                    i % 4 == 0 ? 2 : null,
                    "VALID");
            Path registry = write(dir, "enterprises", Format.CSV, rows, enterprise);
            ImportReport first = timedImport("enterprises", Format.CSV, registry, rows);
            // the re-evaluation runs alone, so that it does not slow the imports timed after it
            awaitJob(first.reevaluationJob(), rows);
            timedImport("enterprises", Format.CSV, registry, rows);

            // facts about them: penalties as JSON Lines, trainings as XLSX, drills as CSV
            Path penalties = write(
                    dir,
                    "penalties",
                    Format.JSONL,
                    rows,
                    i -> Arrays.asList(
                            code(i),
                            "基准罚〔2026〕" + i + "号",
                            today.minusDays(1 + i % 300),
                            "未定期检测可燃气体报警器",
                            "WSL-99",
                            new BigDecimal(10000 + i % 40000),
                            null));
            awaitJob(timedImport("penalties", Format.JSONL, penalties, rows).reevaluationJob(), rows);
            Path trainings = write(
                    dir, "trainings", Format.XLSX, rows, i -> Arrays.asList(code(i), today.getYear(), 40, 30 + i % 11));
            awaitJob(timedImport("trainings", Format.XLSX, trainings, rows).reevaluationJob(), rows);
            timedImport("trainings", Format.XLSX, trainings, rows);

            for (String dataset : List.of("enterprises", "penalties", "trainings")) {
                for (Format format : Format.values()) {
                    Path out = dir.resolve("export-" + dataset + "." + format.extension);
                    long started = System.nanoTime();
                    long cpu = threads.getCurrentThreadCpuTime();
                    try (OutputStream stream = Files.newOutputStream(out)) {
                        DataExports.write(datasets.named(dataset), format, stream);
                    }
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(
                            "export  %-11s %-5s %8.2f s  %,10.0f rows/s  cpu %6.2f s  load %5.1f  %,8d KiB%n",
                            dataset,
                            format.extension,
                            seconds,
                            rows / seconds,
                            (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                            load(),
                            Files.size(out) / 1024);
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        context.close();
        System.exit(0);
    }

    /**
     * The machine's load average: on a shared machine the wall-clock figures mean little without it, and the
     * importing thread's CPU seconds (which leave out the database's own work) are the steadier figure.
     */
    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String code(int i) {
        return CreditCodes.withCheckDigit("91990000BEN" + String.format("%06d", i));
    }

    private Path write(Path dir, String dataset, Format format, int rows, IntFunction<List<Object>> row)
            throws IOException {
        Path file = dir.resolve(dataset + "." + format.extension);
        long started = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file);
                RowWriters writer =
                        RowWriters.open(format, datasets.named(dataset).names(), out)) {
            for (int i = 0; i < rows; i++) {
                writer.row(row.apply(i));
            }
        }
        System.out.printf(
                "wrote   %-11s %-5s %8.2f s  %,8d KiB%n",
                dataset, format.extension, (System.nanoTime() - started) / 1e9, Files.size(file) / 1024);
        return file;
    }

    private ImportReport timedImport(String dataset, Format format, Path file, int rows) throws IOException {
        long started = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        ImportReport report = imports.run(
                datasets.named(dataset), format, file, file.getFileName().toString(), "bench");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "import  %-11s %-5s %8.2f s  %,10.0f rows/s  cpu %6.2f s  load %5.1f  inserted %,d updated %,d"
                        + " unchanged %,d enterprises %,d%n",
                dataset,
                format.extension,
                seconds,
                rows / seconds,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                load(),
                report.inserted(),
                report.updated(),
                report.unchanged(),
                report.enterprises());
        return report;
    }

    private void awaitJob(Long id, int rows) throws InterruptedException {
        if (id == null) {
            return;
        }
        long started = System.nanoTime();
        while (true) {
            Job job = jobs.find(id).orElseThrow();
            if (job.finished()) {
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "re-evaluation job %d %s after %.2f s more (credit of %,d enterprises, risk follows)%n",
                        id, job.state(), seconds, rows);
                return;
            }
            Thread.sleep(200);
        }
    }
}
