// Every terraform command starts provider processes (3-5 per command); running test classes side by side on a
// small machine only makes each of them slower and flakier.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
