rule {
  id = "action.hostile.io",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return io.open('/etc/passwd'):read('a')
  end,
}

rule {
  id = "action.hostile.os",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return os.execute('touch /tmp/styr-hostile-pwned')
  end,
}

rule {
  id = "action.hostile.require",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return require('os')
  end,
}

rule {
  id = "action.hostile.load",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return load('return 1')()
  end,
}

rule {
  id = "action.hostile.loadstring",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return loadstring('return 1')()
  end,
}

rule {
  id = "action.hostile.dofile",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return dofile('/etc/passwd')
  end,
}

rule {
  id = "action.hostile.loadfile",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return loadfile('/etc/passwd')
  end,
}

rule {
  id = "action.hostile.debug",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return debug.getregistry()
  end,
}

rule {
  id = "action.hostile.package",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return package.loadlib('libc.so.6', 'system')
  end,
}

rule {
  id = "action.hostile.collectgarbage",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return collectgarbage('count')
  end,
}

rule {
  id = "action.hostile.math-random",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return math.random(6)
  end,
}

rule {
  id = "action.hostile.string-dump",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return string.dump(function() end)
  end,
}

rule {
  id = "action.hostile.getfenv",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return getfenv(1)
  end,
}

rule {
  id = "action.hostile.env-io",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return _ENV.io.write('x')
  end,
}

rule {
  id = "action.hostile.rawget-g-os",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    return rawget(_G, 'os').getenv('HOME')
  end,
}


-- The canary: declared after the hostile rule, it proves the rules after it
-- still run (one info finding per action, which does not change the exit code).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
