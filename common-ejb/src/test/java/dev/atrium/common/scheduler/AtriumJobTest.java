package dev.atrium.common.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;

/** A firing is recorded under its scheduled time, also when another node recovers it. */
class AtriumJobTest {

  private static final Instant SCHEDULED = Instant.parse("2026-11-30T00:27:37.389Z");

  @Test
  void aRecoveredFiringKeepsTheOriginalScheduledTimeNotItsLateActualTime() {
    JobDataMap data = new JobDataMap();
    data.put(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS, String.valueOf(SCHEDULED.toEpochMilli() + 7));
    data.put(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS, String.valueOf(SCHEDULED.toEpochMilli()));
    assertEquals(SCHEDULED, AtriumJob.scheduledTime(context(true, data, Instant.parse("2026-11-30T00:27:52Z"))));
  }

  @Test
  void aHandedOffFiringStandsForTheFiringTheSuspendedNodeGotAlsoWhenRecovered() {
    JobDataMap data = new JobDataMap();
    data.put(AtriumScheduler.HANDED_OFF_FIRING, String.valueOf(SCHEDULED.toEpochMilli()));
    Instant late = Instant.parse("2026-11-30T00:27:41Z");
    assertEquals(SCHEDULED, AtriumJob.scheduledTime(context(false, data, late)));
    data.put(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS, String.valueOf(late.toEpochMilli()));
    assertEquals(SCHEDULED, AtriumJob.scheduledTime(context(true, data, Instant.parse("2026-11-30T00:27:52Z"))));
  }

  @Test
  void anOrdinaryFiringUsesItsTriggersScheduledTime() {
    assertEquals(SCHEDULED, AtriumJob.scheduledTime(context(false, new JobDataMap(), SCHEDULED)));
  }

  private static JobExecutionContext context(boolean recovering, JobDataMap data, Instant scheduled) {
    return (JobExecutionContext) Proxy.newProxyInstance(AtriumJobTest.class.getClassLoader(),
        new Class<?>[] {JobExecutionContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "isRecovering" -> recovering;
          case "getMergedJobDataMap" -> data;
          case "getScheduledFireTime" -> Date.from(scheduled);
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
