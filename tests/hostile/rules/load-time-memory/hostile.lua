local keep, s = {}, "x"
while true do s = s .. s; keep[#keep + 1] = s end
