"""Speech: decoding recordings, finding speech, and transcribing it with word timings, all on
the user's own machine."""
