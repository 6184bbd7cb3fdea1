using VideoPipeline.Durable;

namespace VideoPipeline.TestSupport.Durable.Probes;

public static class ProbeTasks
{
    /// <summary>Registers every probe orchestrator and activity.</summary>
    public static void Register(DurableTaskTypeRegistry tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.AddActivity<EchoActivity>().AddActivity<FailingActivity>().AddActivity<FlakyActivity>();
        tasks.AddOrchestrator<RetryOrchestrator>()
            .AddOrchestrator<CatchFailureOrchestrator>()
            .AddOrchestrator<UnhandledFailureOrchestrator>()
            .AddOrchestrator<EventOrTimerOrchestrator>()
            .AddOrchestrator<LateWaitOrchestrator>()
            .AddOrchestrator<DanglingTimerOrchestrator>()
            .AddOrchestrator<EchoOrchestrator>()
            .AddOrchestrator<ObserveEventOrchestrator>()
            .AddOrchestrator<StartedAtOrchestrator>()
            .AddOrchestrator<StatusThenWaitOrchestrator>()
            .AddOrchestrator<FanOutOrchestrator>()
            .AddOrchestrator<ChildOrchestrator>()
            .AddOrchestrator<ActivityFanOutOrchestrator>()
            .AddOrchestrator<NonDeterministicOrchestrator>();
    }
}
