#pragma once

namespace prov {

// Starts the desktop application: `provenance [STORE] [--cache PATH] [--screenshot PNG]`.
// Without STORE it reopens the last store, or the bundled sample store the first time.
// --screenshot saves the window once the store is shown and quits (for docs and reviews).
class DesktopApp
{
public:
    static int run(int argc, char* argv[]);
};

} // namespace prov
