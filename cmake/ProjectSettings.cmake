# Settings every target links PRIVATE: warnings (errors in CI) and the optional sanitizers.
add_library(actiontrack_settings INTERFACE)
target_compile_options(actiontrack_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(ACTIONTRACK_WERROR)
  target_compile_options(actiontrack_settings INTERFACE -Werror)
endif()
if(ACTIONTRACK_SANITIZE)
  target_compile_options(actiontrack_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(actiontrack_settings INTERFACE -fsanitize=address,undefined)
endif()
