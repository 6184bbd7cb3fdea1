namespace VideoPipeline.Simulator;

internal enum SimulatedState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
