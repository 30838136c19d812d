from benchmarks import bench_link_hover


def test_benchmark_prints_hover_to_highlight_times(qapp, capsys):
    assert bench_link_hover.main(["--repeat", "1", "--pairs", "2"]) == 0
    printed = capsys.readouterr().out
    assert "hover to highlight, every hover, wall-clock" in printed and "p99" in printed
    moves = int(printed.split("moves that highlighted linked words: ")[1].split(";")[0])
    assert moves > 10  # the hovers found links and painted them in both panes
