package org.safereg.clienttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safereg.clienttests.Clients.failure;
import static org.safereg.clienttests.Clients.problem;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.client.ApiException;
import org.safereg.client.ApiResponse;
import org.safereg.client.api.AlarmsApi;
import org.safereg.client.model.AlarmView;
import org.safereg.client.model.MonitoringPointView;
import org.safereg.client.model.NewMonitoringPoint;
import org.safereg.client.model.ReadingBatch;
import org.safereg.client.model.ReadingBatchItem;
import org.safereg.client.model.ReadingResult;
import org.safereg.client.model.ReadingResultRejection;
import org.safereg.client.model.ReadingResultRejection.ReasonEnum;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A gateway pushes readings and the duty officer handles the alarm, all through the generated client. */
@IntegrationTest
class ReadingsAndAlarmsClientIntegrationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String GATEWAY = TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null);
    private static final String REGULATOR = TestTokens.token("duty-officer", List.of("REGULATOR"), null);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private Clients clients;
    private String plant;
    private OffsetDateTime t0;

    @BeforeEach
    void aChemicalPlant() {
        plant = Province.reset(jdbc, redis)
                .enterprise("报警化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .code();
        clients = new Clients(port);
        t0 = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aGasDetectorIsRegisteredAndItsGoodReadingRaisesAnAlarmWhileEachBadOneIsRefusedWithItsReason()
            throws Exception {
        String gas = gasDetector();

        ReadingResult result = clients.readings(GATEWAY)
                .pushReadings(new ReadingBatch()
                        .addReadingsItem(reading(gas, 0, 55))
                        .addReadingsItem(reading("NO-SUCH-SENSOR", 0, 10))
                        .addReadingsItem(reading(gas, 1, 10).unit("ppm"))
                        .addReadingsItem(reading(gas, 2, -1))
                        .addReadingsItem(
                                reading(gas, 3, 10).at(OffsetDateTime.now().plusHours(1)))
                        .addReadingsItem(
                                reading(gas, 4, 10).at(OffsetDateTime.now().minusDays(3)))
                        .addReadingsItem(reading(gas, 0, 55)));

        assertThat(result.getReceived()).isEqualTo(7);
        assertThat(result.getAccepted()).isEqualTo(1);
        assertThat(result.getRejected())
                .extracting(ReadingResultRejection::getIndex, ReadingResultRejection::getReason)
                .containsExactly(
                        tuple(1, ReasonEnum.UNKNOWN_SENSOR),
                        tuple(2, ReasonEnum.WRONG_UNIT),
                        tuple(3, ReasonEnum.IMPOSSIBLE_VALUE),
                        tuple(4, ReasonEnum.IN_THE_FUTURE),
                        tuple(5, ReasonEnum.TOO_OLD),
                        tuple(6, ReasonEnum.DUPLICATE));
        assertThat(result.getRejected().get(1).getMessage()).contains("measures in %LEL");
        // 55 %LEL is over the GB/T 50493 level-2 setpoint of 50 %LEL
        assertThat(result.getAlarms()).singleElement().satisfies(change -> {
            assertThat(change.getPoint()).isEqualTo(gas);
            assertThat(change.getEvent()).isEqualTo("RAISED");
            assertThat(change.getLevel()).isEqualTo(2);
        });
    }

    @Test
    void theDutyOfficerFindsTheAlarmWithItsRuleAndAcknowledgesIt() throws Exception {
        String gas = gasDetector();
        clients.readings(GATEWAY).pushReadings(new ReadingBatch().addReadingsItem(reading(gas, 0, 55)));
        AlarmsApi alarms = clients.alarms(REGULATOR);

        List<AlarmView> listed = alarms.listAlarms(plant, null, 2, "RAISED", null, null, null, null)
                .getItems();

        assertThat(listed).singleElement().satisfies(alarm -> {
            assertThat(alarm.getPoint()).isEqualTo(gas);
            assertThat(alarm.getEnterprise()).isEqualTo(plant);
            assertThat(alarm.getColour()).isEqualTo("ORANGE");
            assertThat(alarm.getThreshold()).isEqualByComparingTo(new BigDecimal("50"));
            assertThat(alarm.getValue()).isEqualByComparingTo(new BigDecimal("55"));
            assertThat(alarm.getRule().getFile()).isEqualTo("decision-tables/alarm-thresholds.xlsx");
            assertThat(alarm.getRule().getSheet()).isEqualTo("Alarm thresholds");
            assertThat(alarm.getRule().getRow()).isPositive();
            assertThat(alarm.getProvenance().getRuleSetVersion()).isEqualTo(alarm.getRuleSetVersion());
            assertThat(alarm.getProvenance().getRules()).singleElement().satisfies(rule -> assertThat(rule.getRule())
                    .isEqualTo(alarm.getRule().getName()));
        });
        long id = listed.get(0).getId();
        assertThat(alarms.getAlarm(id)).isEqualTo(listed.get(0));

        AlarmView acknowledged = alarms.acknowledgeAlarm(id);

        // the gas is still over the setpoint: acknowledged, not yet cleared
        assertThat(acknowledged.getState()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.getAcknowledgedBy()).isEqualTo("duty-officer");
        assertThat(acknowledged.getAcknowledgedAt()).isNotNull();
        assertThat(alarms.getAlarm(id).getState()).isEqualTo("ACKNOWLEDGED");
        ApiException unknown = failure(() -> alarms.getAlarm(id + 1_000_000));
        assertThat(unknown.getCode()).isEqualTo(404);
        assertThat(problem(unknown).getType()).isEqualTo(URI.create("urn:safereg:problem:not-found"));
    }

    @Test
    void onlyGatewaysPushReadings() {
        ApiException refused = failure(() -> clients.readings(TestTokens.policyAdmin())
                .pushReadings(new ReadingBatch().addReadingsItem(reading("GT-1", 0, 1))));

        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(problem(refused).getType()).isEqualTo(URI.create("urn:safereg:problem:forbidden"));
    }

    /** Registers a combustible-gas detector of the plant; codes are never reused, the service caches points. */
    private String gasDetector() throws ApiException {
        String code = "GT-CLIENT-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        ApiResponse<MonitoringPointView> registered = clients.monitoringPoints(TestTokens.policyAdmin())
                .registerMonitoringPointWithHttpInfo(new NewMonitoringPoint()
                        .code(code)
                        .enterprise(plant)
                        .equipmentType("GAS_DETECTOR")
                        .equipmentId("R-1")
                        .equipmentName("反应釜 1")
                        .processUnit("U-100")
                        .metric("COMBUSTIBLE_GAS")
                        .unit("%LEL"));
        assertThat(registered.getStatusCode()).isEqualTo(201);
        assertThat(registered.getHeaders().get("Location")).containsExactly("/api/v1/monitoring-points/" + code);
        MonitoringPointView point = registered.getData();
        assertThat(point.getEnterprise()).isEqualTo(plant);
        assertThat(point.getRegion()).isEqualTo("149901");
        assertThat(clients.monitoringPoints(REGULATOR).getMonitoringPoint(code)).isEqualTo(point);
        return code;
    }

    private ReadingBatchItem reading(String sensor, int secondsAfterStart, double value) {
        return new ReadingBatchItem()
                .sensor(sensor)
                .at(t0.plusSeconds(secondsAfterStart))
                .value(value)
                .unit("%LEL");
    }
}
