package com.videolinks.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.videolinks.conferencing.zoom.ZoomNotConfiguredException;

/** #15: a demo Zoom account on a service without a Zoom app is not an error: the meeting waits, one WARN says why. */
@ExtendWith(OutputCaptureExtension.class)
class ZoomMeetingProvisioningDelegateTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void withoutAZoomAppTheMeetingWaitsAnHourAtTheTimerAndTheLogWarnsOnceWithWhatToDo(CapturedOutput output) {
        ZoomMeetingProvisioning provisioning = mock(ZoomMeetingProvisioning.class);
        when(provisioning.sync(3)).thenThrow(new ZoomNotConfiguredException());
        when(provisioning.sync(4)).thenThrow(new ZoomNotConfiguredException());
        var delegate = new ZoomMeetingProvisioningDelegate(provisioning, mock(ZoomProvisioningTrigger.class),
                Clock.fixed(NOW, ZoneOffset.UTC));
        DelegateExecution first = execution(3);
        DelegateExecution second = execution(4);

        assertThatThrownBy(() -> delegate.execute(first)).isInstanceOf(BpmnError.class)
                .extracting(e -> ((BpmnError) e).getErrorCode()).isEqualTo(ZoomMeetingProvisioningDelegate.RATE_LIMITED);
        assertThatThrownBy(() -> delegate.execute(second)).isInstanceOf(BpmnError.class);

        verify(first).setVariable("retryAt", Date.from(NOW.plus(ZoomMeetingProvisioningDelegate.NOT_CONFIGURED_RECHECK)));
        verify(second).setVariable(eq("retryAt"), eq(Date.from(NOW.plus(ZoomMeetingProvisioningDelegate.NOT_CONFIGURED_RECHECK))));
        String log = output.getOut();
        assertThat(log.split("WARN", -1)).as("one WARN line for any number of meetings").hasSize(2);
        assertThat(log).contains("Zoom not configured", "videolinks.zoom.client-id", "session 3").doesNotContain("ERROR");
    }

    private static DelegateExecution execution(long sessionId) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("sessionId")).thenReturn(sessionId);
        return execution;
    }
}
