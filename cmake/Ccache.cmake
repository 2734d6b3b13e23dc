# Use ccache when it is installed: rebuilds after a branch switch or a clean build dir then cost
# seconds, which matters on the 2-core machines we build on.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
